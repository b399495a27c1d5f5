//! Which data set the page opens with, and which one it remembers for the
//! next plain visit. A link means what it says: the data set it carries
//! opens (this browser's saved copy when it is the same); a plain address
//! opens the own data set this browser used last; otherwise the built-in
//! one. Only a data set this browser holds is remembered, so a carried one
//! never replaces the person's own choice.

use crate::core::Dataset;
use crate::state::datasets::Datasets;
use crate::state::workspace::Workspace;
use std::rc::Rc;

/// The data set to remember as the last used: `Some(Some(id))` an own
/// saved one, `Some(None)` the built-in one, `None` keep what is
/// remembered (the data set in use is one a link carried).
pub type Remember = Option<Option<String>>;

/// The data set the page opens with. `carried` is what the opening link
/// carries (or why it could not be read: then the built-in one opens and
/// the link's notice says why); `last_used` is the own data set this
/// browser used last, asked for only when the address is plain.
pub fn opening_data(
    builtin: &Rc<Dataset>,
    own: &Datasets,
    carried: Option<&Result<Dataset, String>>,
    last_used: Option<&Dataset>,
) -> Rc<Dataset> {
    match carried {
        Some(Ok(data)) if data == &**builtin => builtin.clone(),
        Some(Ok(data)) => Rc::new(
            own.get(&data.id)
                .filter(|saved| *saved == data)
                .unwrap_or(data)
                .clone(),
        ),
        Some(Err(_)) => builtin.clone(),
        None => last_used.map_or_else(|| builtin.clone(), |d| Rc::new(d.clone())),
    }
}

impl Workspace {
    /// What the page should remember as the data set used last.
    pub fn data_to_remember(&self) -> Remember {
        if self.uses_builtin() {
            Some(None)
        } else if self.data_is_saved() {
            Some(Some(self.data.id.clone()))
        } else {
            None
        }
    }
}
