//! A small deterministic random source (SplitMix64). Our own, so that the
//! same seed gives the same data whatever crate versions a build picks.

pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng {
            state: seed ^ 0x9e37_79b9_7f4a_7c15,
        }
    }

    /// A generator for one named purpose, independent of the others, so
    /// that adding a draw in one place does not shift every other value.
    pub fn stream(seed: u64, purpose: &str) -> Self {
        let mut mixed = seed;
        for byte in purpose.bytes() {
            mixed = mixed.rotate_left(8) ^ u64::from(byte);
            mixed = mixed.wrapping_mul(0x100_0000_01b3);
        }
        Rng::new(mixed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// Uniform integer in [low, high].
    pub fn int(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next_u64() % ((high - low + 1) as u64)) as i64
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(f64::MIN_POSITIVE);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }

    /// Log-normal with median 1: the skew of firm and cluster sizes.
    pub fn lognormal(&mut self, sigma: f64) -> f64 {
        (sigma * self.normal()).exp()
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Splits `total` into integers proportional to `weights` (largest
/// remainder), each at least `minimum`, summing exactly to `total`.
pub fn apportion(total: i64, weights: &[f64], minimum: i64) -> Vec<i64> {
    let n = weights.len() as i64;
    if n == 0 {
        return Vec::new();
    }
    let spare = (total - minimum * n).max(0);
    let weight_sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let exact: Vec<f64> = weights
        .iter()
        .map(|w| spare as f64 * w / weight_sum)
        .collect();
    let mut shares: Vec<i64> = exact.iter().map(|x| x.floor() as i64).collect();
    let mut left = spare - shares.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let ra = exact[a] - exact[a].floor();
        let rb = exact[b] - exact[b].floor();
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for index in order.into_iter().cycle() {
        if left <= 0 {
            break;
        }
        shares[index] += 1;
        left -= 1;
    }
    shares.iter().map(|s| s + minimum).collect()
}

/// Like [`apportion`], but no share exceeds its cap: what a capped share
/// cannot take goes to the others with room, largest weight first. The sum
/// is exactly `total` when the caps allow it (the caller makes sure).
pub fn apportion_capped(total: i64, weights: &[f64], caps: &[i64]) -> Vec<i64> {
    let mut shares: Vec<i64> = apportion(total, weights, 0)
        .iter()
        .zip(caps)
        .map(|(share, cap)| (*share).min((*cap).max(0)))
        .collect();
    let mut left = total - shares.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
    while left > 0 {
        let mut placed = false;
        for &index in &order {
            if left > 0 && shares[index] < caps[index] {
                shares[index] += 1;
                left -= 1;
                placed = true;
            }
        }
        if !placed {
            break;
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut rng = Rng::stream(7, "x");
                move |_| rng.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut rng = Rng::stream(7, "x");
                move |_| rng.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(
            Rng::stream(7, "x").next_u64(),
            Rng::stream(7, "y").next_u64()
        );
    }

    #[test]
    fn capped_shares_hit_the_total_and_respect_the_caps() {
        let caps = [3, 100, 0, 7];
        let shares = apportion_capped(60, &[10.0, 1.0, 5.0, 4.0], &caps);
        assert_eq!(shares.iter().sum::<i64>(), 60);
        assert!(shares.iter().zip(caps).all(|(s, c)| *s <= c));
    }

    #[test]
    fn apportion_hits_the_total_and_the_minimum() {
        let shares = apportion(294, &[5.0, 1.0, 0.1, 20.0], 1);
        assert_eq!(shares.iter().sum::<i64>(), 294);
        assert!(shares.iter().all(|s| *s >= 1));
        assert!(shares[3] > shares[0]);
    }
}
