//! Undo and redo: a bounded past and future of states.
//!
//! One gesture is one step. Changes that carry the same coalescing key one
//! after another (the values of one slider drag, the keystrokes of one typed
//! value) fold into the step that the first of them opened, until the gesture is
//! sealed (the slider is released, the field loses focus) or a change with
//! another key arrives. A change without a key is always a step of its own.

use std::collections::VecDeque;

/// How many steps back the history reaches. A workshop rarely needs more; each
/// step is one scenario, a few hundred bytes.
pub const HISTORY_DEPTH: usize = 100;

/// A bounded undo/redo history of states `T`, with gestures keyed by `K`.
#[derive(Debug, Clone, PartialEq)]
pub struct History<T, K> {
    past: VecDeque<T>,
    future: Vec<T>,
    /// The key of the gesture still open, whose changes fold into one step.
    open_gesture: Option<K>,
}

impl<T, K> Default for History<T, K> {
    fn default() -> Self {
        History {
            past: VecDeque::new(),
            future: Vec::new(),
            open_gesture: None,
        }
    }
}

impl<T, K: PartialEq> History<T, K> {
    /// Records that the state is about to change from `before`. With the key of
    /// the open gesture the step already holds the state before the gesture,
    /// so nothing is pushed. Returns whether the change is a new step.
    pub fn record(&mut self, before: T, key: Option<K>) -> bool {
        self.future.clear();
        let continues = key.is_some() && key == self.open_gesture;
        if !continues {
            self.past.push_back(before);
            if self.past.len() > HISTORY_DEPTH {
                self.past.pop_front();
            }
        }
        self.open_gesture = key;
        !continues
    }

    /// Ends the open gesture: the next change is a step of its own.
    pub fn seal(&mut self) {
        self.open_gesture = None;
    }

    /// The state to go back to, given the present one (kept for redo).
    pub fn undo(&mut self, present: T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(present);
        self.open_gesture = None;
        Some(previous)
    }

    /// The state to go forward to, given the present one (kept for undo).
    pub fn redo(&mut self, present: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push_back(present);
        self.open_gesture = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}
