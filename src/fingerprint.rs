//! A stable fingerprint of texts and bytes (FNV-1a, 64 bits): the same in
//! every build, where std's hasher may change between Rust releases. It
//! names the bundled catalogue's cache file and records which view library
//! a database holds.

pub struct Fingerprint(u64);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }
}

impl Fingerprint {
    pub fn add(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.mix(*byte);
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        self.mix(0xff);
    }

    fn mix(&mut self, byte: u8) {
        self.0 ^= u64::from(byte);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// Sixteen hexadecimal digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    fn of(parts: &[&str]) -> String {
        let mut fingerprint = Fingerprint::default();
        for part in parts {
            fingerprint.add(part.as_bytes());
        }
        fingerprint.hex()
    }

    #[test]
    fn parts_and_their_boundaries_count() {
        assert_eq!(of(&["ab", "c"]), of(&["ab", "c"]));
        assert_ne!(of(&["ab", "c"]), of(&["a", "bc"]));
        assert_ne!(of(&["ab"]), of(&["ba"]));
        assert_eq!(of(&[]).len(), 16);
    }
}
