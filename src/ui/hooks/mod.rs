//! The page's effects, each a hook: the address mirrors the page and a link
//! edited by hand applies at once (`address`), the saved scenarios are
//! stored and merged with other tabs' (`storage`), the keyboard's undo,
//! redo and Esc (`keys`), and documents and files made on demand
//! (`exports`). The reducer never touches the browser; these do.

pub mod address;
pub mod exports;
pub mod keys;
pub mod risk;
pub mod storage;
