//! The published figures for the 2022 batch that the data is built to
//! reproduce (domain.md), per report year 2019-2025. Sums are chosen just
//! past each claim; the years no source speaks of are filled in smoothly.

use crate::generate::panel::YEARS;

/// 28,000-odd in 2022 (2.8万多家), 31,000-odd in 2023 (3.1万多家).
pub const SMES: [i64; YEARS] = [24_960, 26_130, 27_240, 28_460, 31_420, 32_880, 34_150];
/// Over 1.8 trillion yuan in 2022, over 2.5 trillion in 2023.
pub const OUTPUT_2022_BN_CNY: f64 = 1_836.4;
pub const OUTPUT_2023_BN_CNY: f64 = 2_536.2;
/// Average annual output growth over the three years to 2023.
pub const GROWTH_2020_2023: f64 = 0.192;
/// Highest tier held in each year: champions, little giants,
/// specialized, innovative. 55 / 294 / 1,487 / about 5,000 in 2022;
/// 73 champions and 474 little giants in 2023. The innovative SMEs of
/// 2023-2025 follow from the 24.8 % share (see `innovative_later`).
pub const TIERS: [[i64; 4]; YEARS] = [
    [30, 40, 820, 0],
    [38, 120, 1_050, 0],
    [46, 210, 1_300, 0],
    [55, 294, 1_487, 5_012],
    [73, 474, 1_702, 0],
    [86, 590, 1_900, 0],
    [97, 680, 2_080, 0],
];
/// Quality SMEs over all the clusters' enterprises in 2023.
pub const QUALITY_SHARE_2023: f64 = 0.248;
/// Quality SMEs added in 2024 and in 2025.
pub const QUALITY_GAIN_2024: i64 = 600;
pub const QUALITY_GAIN_2025: i64 = 560;
pub const LEADING_SHARE: f64 = 0.87;
pub const SERVED_BY_PLATFORM: usize = 73;
pub const PROMOTION_MECHANISM: usize = 89;
pub const RIGHTS_PROTECTION: usize = 92;
/// 2022-batch clusters whose recognition was revoked at the 2025
/// review (97 of 100 passed); only invented ones are marked.
pub const REVOKED: usize = 3;

/// The batch's output in each report year: 2022 and 2023 as published,
/// 2020 such that 2020-2023 averages 19.2 % a year, the rest smooth.
pub fn output_bn_cny() -> [f64; YEARS] {
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let y2020 = round(OUTPUT_2023_BN_CNY / (1.0 + GROWTH_2020_2023).powi(3));
    [
        round(y2020 / 1.10),
        y2020,
        round((y2020 * OUTPUT_2022_BN_CNY).sqrt()),
        OUTPUT_2022_BN_CNY,
        OUTPUT_2023_BN_CNY,
        round(OUTPUT_2023_BN_CNY * 1.085),
        round(OUTPUT_2023_BN_CNY * 1.085 * 1.07),
    ]
}
