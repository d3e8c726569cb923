//! Every county-level division of China (`data/counties.csv`: the National
//! Bureau of Statistics' 2023 statistical division codes, 2,978 counties,
//! county-level cities and urban districts, with their prefecture and
//! province). The one module that knows places: the generator puts
//! clusters in real counties with it, and the database gets the same rows
//! as the table `counties`.
//!
//! Names repeat across provinces (宝山区 is in Shanghai and in
//! Shuangyashan), so a name is only ever matched to a code within its
//! province.

use std::sync::OnceLock;

const COUNTIES_CSV: &str = include_str!("../data/counties.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct County {
    /// The six-digit division code.
    pub code: &'static str,
    pub name: &'static str,
    pub prefecture_code: &'static str,
    pub prefecture: &'static str,
    /// The province's two digits, the first two of `code`.
    pub province_code: &'static str,
    pub province: &'static str,
}

impl County {
    /// The name a reader places: the county after its prefecture
    /// (`杭州市余杭区`), or after its province where the prefecture is no
    /// place of its own (a municipality's `市辖区`, a province's directly
    /// administered counties), or alone where it is its own prefecture
    /// (`东莞市`).
    pub fn full_name(&self) -> String {
        let above = if self.prefecture == "市辖区"
            || self.prefecture == "县"
            || self.prefecture.ends_with("直辖县级行政区划")
        {
            self.province
        } else {
            self.prefecture
        };
        if above == self.name {
            self.name.to_string()
        } else {
            format!("{above}{}", self.name)
        }
    }
}

/// Every county, in the order of their codes.
pub fn all() -> &'static [County] {
    static COUNTIES: OnceLock<Vec<County>> = OnceLock::new();
    COUNTIES.get_or_init(|| {
        COUNTIES_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                // The file has no quoted fields: names hold no commas.
                let mut fields = line.split(',');
                Some(County {
                    code: fields.next()?,
                    name: fields.next()?,
                    prefecture_code: fields.next()?,
                    prefecture: fields.next()?,
                    province_code: fields.next()?,
                    province: fields.next()?,
                })
            })
            .collect()
    })
}

/// The county of a six-digit code.
pub fn by_code(code: &str) -> Option<&'static County> {
    let all = all();
    all.binary_search_by(|county| county.code.cmp(code))
        .ok()
        .map(|index| &all[index])
}

/// The counties of the province whose code is `province_code`.
pub fn in_province(province_code: &str) -> impl Iterator<Item = &'static County> + '_ {
    all()
        .iter()
        .filter(move |county| county.province_code == province_code)
}

/// The county a locality names within its province: the county's name
/// (`海淀区`), with its prefecture (`北京市海淀区`, `泉州市晋江市`) or its
/// province (`北京市海淀区`) before it, or a place inside a county that has
/// no counties of its own (`东莞市万江街道`). `None` when no county or more
/// than one fits.
pub fn locate(province_code: &str, locality: &str) -> Option<&'static County> {
    let candidates: Vec<&County> = in_province(province_code).collect();
    let province = candidates.first()?.province;
    let rest = locality.strip_prefix(province).unwrap_or(locality);
    let exact: Vec<&County> = candidates
        .iter()
        .copied()
        .filter(|c| rest == c.name || rest.strip_prefix(c.prefecture) == Some(c.name))
        .collect();
    let found = if exact.is_empty() {
        candidates
            .iter()
            .copied()
            .filter(|c| rest.starts_with(c.name) && rest.len() > c.name.len())
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_once_in_code_order() {
        let all = all();
        assert_eq!(all.len(), 2978);
        assert!(all.windows(2).all(|pair| pair[0].code < pair[1].code));
        assert!(
            all.iter()
                .all(|c| c.code.len() == 6 && c.code.starts_with(c.province_code))
        );
    }

    #[test]
    fn names_are_matched_within_their_province() {
        assert_eq!(by_code("110108").map(|c| c.name), Some("海淀区"));
        // 宝山区 is in Shanghai and in Shuangyashan (Heilongjiang).
        assert_eq!(locate("31", "上海市宝山区").map(|c| c.code), Some("310113"));
        assert_eq!(locate("23", "宝山区").map(|c| c.code), Some("230506"));
        assert_eq!(locate("11", "北京市海淀区").map(|c| c.code), Some("110108"));
        assert_eq!(
            locate("44", "东莞市万江街道").map(|c| c.code),
            Some("441900")
        );
        assert_eq!(locate("33", "海淀区"), None);
        assert_eq!(
            by_code("110108").map(County::full_name).as_deref(),
            Some("北京市海淀区")
        );
        assert_eq!(
            by_code("441900").map(County::full_name).as_deref(),
            Some("东莞市")
        );
        assert_eq!(
            by_code("330110").map(County::full_name).as_deref(),
            Some("杭州市余杭区")
        );
    }
}
