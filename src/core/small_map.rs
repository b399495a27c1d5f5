//! A map kept as a vector sorted by key. A scenario sets a handful of values
//! (a few years' levels, a team's own level); a vector finds them as fast as
//! a tree does at that size, with a fraction of a tree's code in the page's
//! bundle. Iteration is in key order, like `BTreeMap`'s.

use std::borrow::Borrow;

/// A sorted vector of `(key, value)` with unique keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SmallMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SmallMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    /// The place of the entry `order` finds equal, or where it would go.
    fn find_by(&self, order: impl Fn(&K) -> std::cmp::Ordering) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| order(k))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.get_by(|k| k.borrow().cmp(key))
    }

    /// The value whose key `order` finds equal (a lookup without building a key).
    pub fn get_by(&self, order: impl Fn(&K) -> std::cmp::Ordering) -> Option<&V> {
        self.find_by(order).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.get(key).is_some()
    }

    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        let i = self.find_by(|k| k.cmp(key)).ok()?;
        Some(&mut self.entries[i].1)
    }

    /// Sets `key` to `value`; returns the value it had.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find_by(|k| k.cmp(&key)) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find_by(|k| k.borrow().cmp(key)).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// Keeps the entries for which `keep` says so.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<'a, K: Ord, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_stay_sorted_and_unique() {
        let mut m = SmallMap::new();
        assert_eq!(m.insert(2027, "b"), None);
        assert_eq!(m.insert(2025, "a"), None);
        assert_eq!(m.insert(2030, "c"), None);
        assert_eq!(m.insert(2027, "B"), Some("b"));
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [2025, 2027, 2030]);
        assert_eq!(m.get(&2027), Some(&"B"));
        assert_eq!(m.remove(&2025), Some("a"));
        assert_eq!(m.remove(&2025), None);
        m.retain(|y, _| *y < 2030);
        assert_eq!(m.iter().collect::<Vec<_>>(), [(&2027, &"B")]);
        let mut teams: SmallMap<(u16, String), u8> = SmallMap::new();
        teams.insert((2026, "team_sala".into()), 1);
        teams.insert((2026, "team_fns".into()), 2);
        assert_eq!(
            teams.get_by(|(y, t)| (*y, t.as_str()).cmp(&(2026, "team_fns"))),
            Some(&2)
        );
    }
}
