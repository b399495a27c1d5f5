//! Two copies of one stored list, merged without losing either's work: the
//! saved scenarios and the person's own data sets are each kept in one
//! storage key that two tabs of the page write. Every entry carries a key
//! that never changes and the time it last changed; a deletion leaves a
//! tombstone. Of two versions of an entry the newer wins, an entry only one
//! side has is kept, and a deletion wins over what was changed before it.

/// How many deletions are remembered for merging (the oldest go first).
pub const MAX_TOMBSTONES_KEPT: usize = 200;

/// An entry of a merged list: its lasting key and when it last changed (ms).
pub trait Stamped {
    fn key(&self) -> &str;
    fn changed(&self) -> u64;
}

/// A deletion: the key of what was deleted and when (ms).
pub trait Grave {
    fn key(&self) -> &str;
    fn at(&self) -> u64;
    fn set_at(&mut self, at: u64);
}

/// Merges `theirs` and `their_graves` into `entries` and `graves`.
pub fn merge<E: Stamped + Clone, G: Grave + Clone>(
    entries: &mut Vec<E>,
    graves: &mut Vec<G>,
    theirs: &[E],
    their_graves: &[G],
) {
    for t in their_graves {
        match graves.iter_mut().find(|g| g.key() == t.key()) {
            Some(g) => {
                let at = g.at().max(t.at());
                g.set_at(at);
            }
            None => graves.push(t.clone()),
        }
    }
    for entry in theirs {
        match entries.iter_mut().find(|e| e.key() == entry.key()) {
            Some(mine) if entry.changed() > mine.changed() => *mine = entry.clone(),
            Some(_) => {}
            None => entries.push(entry.clone()),
        }
    }
    entries.retain(|e| {
        !graves
            .iter()
            .any(|g| g.key() == e.key() && g.at() >= e.changed())
    });
    if graves.len() > MAX_TOMBSTONES_KEPT {
        graves.sort_by_key(|g| std::cmp::Reverse(g.at()));
        graves.truncate(MAX_TOMBSTONES_KEPT);
    }
}
