//! The word table of the term memo: a word as written → a `u32`, with the
//! words' bytes in one arena.
//!
//! A batch looks up every token of every sentence here, so the lookup is
//! kept short: a word of up to 16 bytes is packed into two numbers that
//! tell it from every other word of its length (no byte comparison), one
//! hash over them, and open addressing with linear probing over a
//! power-of-two slot array. `std`'s `HashMap<Box<str>, u32>` allocated a box per
//! word and hashed the `str` in two calls; this was a tenth of a batch.
//! Nothing iterates the table, so its order never reaches an output.

/// One word of the table: its packed bytes (see [`pack`]), where its bytes
/// are in the arena, its hash and its value.
#[derive(Clone, Copy)]
struct Entry {
    packed: [u64; 2],
    hash: u64,
    start: u32,
    len: u32,
    value: u32,
}

/// A map from words (byte strings) to `u32` values.
pub(super) struct WordTable {
    /// Index into `entries` plus one; 0 is an empty slot. The length is a
    /// power of two, more than twice the number of entries.
    slots: Vec<u32>,
    entries: Vec<Entry>,
    /// The bytes of words longer than 16 bytes (shorter ones are told
    /// apart by their packed form).
    bytes: Vec<u8>,
    seed: u64,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Eight bytes of `word` from `at` as a number.
fn u64_at(word: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&word[at..at + 8]);
    u64::from_le_bytes(w)
}

/// Four bytes of `word` from `at` as a number.
fn u32_at(word: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&word[at..at + 4]);
    u64::from(u32::from_le_bytes(w))
}

/// Two numbers that, with the length, tell a word of up to 16 bytes from
/// every other one: its first and last bytes, read so that together they
/// cover the whole word (overlapping when it is shorter). Longer words
/// give their first and last eight bytes.
fn pack(word: &[u8]) -> [u64; 2] {
    let n = word.len();
    match n {
        0 => [0, 0],
        1..=3 => [
            u64::from(word[0]) | u64::from(word[n / 2]) << 8 | u64::from(word[n - 1]) << 16,
            0,
        ],
        4..=8 => [u32_at(word, 0) | u32_at(word, n - 4) << 32, 0],
        _ => [u64_at(word, 0), u64_at(word, n - 8)],
    }
}

impl WordTable {
    /// An empty table whose hashes start from `seed`.
    pub(super) fn new(seed: u64) -> WordTable {
        WordTable {
            slots: vec![0; 64],
            entries: Vec::new(),
            bytes: Vec::new(),
            seed,
        }
    }

    /// The number of words.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    fn hash(&self, packed: [u64; 2], word: &[u8]) -> u64 {
        let mut h = (self.seed ^ (word.len() as u64)).wrapping_mul(K);
        h = (h.rotate_left(5) ^ packed[0]).wrapping_mul(K);
        h = (h.rotate_left(5) ^ packed[1]).wrapping_mul(K);
        if word.len() > 16 {
            for c in word[8..word.len() - 8].chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
            }
        }
        h
    }

    /// The first slot to look at for `hash`: its top bits, the best mixed
    /// of a multiplicative hash (its low bits depend on the word's first
    /// bytes only).
    fn home(hash: u64, slots: usize) -> usize {
        (hash >> (64 - slots.trailing_zeros())) as usize
    }

    /// The slot where `word` is, or the empty slot where it would go.
    fn find(&self, word: &[u8], packed: [u64; 2], hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = Self::home(hash, self.slots.len());
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return at;
            }
            let e = &self.entries[slot as usize - 1];
            if e.hash == hash
                && e.packed == packed
                && e.len as usize == word.len()
                && (word.len() <= 16
                    || self.bytes[e.start as usize..e.start as usize + word.len()] == *word)
            {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of `word`, or `make()`'s, which is stored for it.
    pub(super) fn get_or_insert(&mut self, word: &str, make: impl FnOnce() -> u32) -> u32 {
        let word = word.as_bytes();
        let packed = pack(word);
        let hash = self.hash(packed, word);
        let at = self.find(word, packed, hash);
        let slot = self.slots[at];
        if slot != 0 {
            return self.entries[slot as usize - 1].value;
        }
        let value = make();
        // Offsets are u32: a memo is emptied long before 4 GiB of words
        // (it holds at most `MEMO_WORDS` of them, each from one text); a
        // word that does not fit is simply not remembered.
        let start = self.bytes.len();
        let (Ok(start32), Ok(len)) = (u32::try_from(start), u32::try_from(word.len())) else {
            return value;
        };
        if word.len() > 16 {
            if start32.checked_add(len).is_none() {
                return value;
            }
            self.bytes.extend_from_slice(word);
        }
        self.entries.push(Entry {
            packed,
            hash,
            start: start32,
            len,
            value,
        });
        self.slots[at] = self.entries.len() as u32;
        if self.entries.len() * 2 >= self.slots.len() {
            self.grow();
        }
        value
    }

    /// Doubles the slots and places every entry again.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        for (i, e) in self.entries.iter().enumerate() {
            let mut at = Self::home(e.hash, size);
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn the_table_answers_as_a_hash_map_does() {
        // Words of every length around the 8-byte steps, repeated, with
        // a seed of 0 and a random one; growth happens several times.
        for seed in [0u64, 0x9e37_79b9_7f4a_7c15] {
            let mut table = WordTable::new(seed);
            let mut map: HashMap<String, u32> = HashMap::new();
            for i in 0..5_000u32 {
                let word = format!("{}{}", "w".repeat((i % 37) as usize), i % 1_700);
                let next = map.len() as u32;
                let want = *map.entry(word.clone()).or_insert(next);
                let got = table.get_or_insert(&word, || next);
                assert_eq!(got, want, "{word}");
            }
            assert_eq!(table.len(), map.len());
            // The empty word and non-ASCII words are words too.
            let a = table.get_or_insert("", || 7);
            assert_eq!(table.get_or_insert("", || 8), a);
            let b = table.get_or_insert("کتاب‌ها", || 9);
            assert_eq!(table.get_or_insert("کتاب‌ها", || 10), b);
            assert_eq!(table.get_or_insert("کتابها", || 11), 11);
            // Words that differ only in the middle, short and long.
            for word in [
                "abcXdef",
                "abcYdef",
                "abcdefghijXlmnopqrstu",
                "abcdefghijYlmnopqrstu",
            ] {
                let next = 100 + table.len() as u32;
                assert_eq!(table.get_or_insert(word, || next), next, "{word}");
            }
        }
    }
}
