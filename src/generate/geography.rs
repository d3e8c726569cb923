//! China's provincial-level divisions: division codes (GB/T 2260), names,
//! the NBS four-region grouping, a few real prefecture-level cities each
//! (for invented localities), and how many national clusters each had in
//! each of the four batches, 2022-2025.

pub struct Province {
    pub name: &'static str,
    pub name_zh: &'static str,
    /// The first two digits of every county code in the province.
    pub code: &'static str,
    pub region: &'static str,
    pub cities: &'static [&'static str],
    /// National clusters in the 2022 batch. Counts known from public
    /// reports (domain.md, official_clusters.md) are kept; the rest are
    /// spread within the quota (5 a province, 3 more for a separately-listed
    /// city or the XPCC). Ten provinces had 5 (Shanghai, Jiangsu and Anhui
    /// among them) and 26 had any, so the unpublished counts are chosen to
    /// make exactly ten fives over 26 provinces; Xinjiang's one is the
    /// XPCC's (阿拉尔市); Inner Mongolia's one cluster before the 2024 list
    /// is put in 2023, which keeps 2022 to 26 provinces.
    pub batch_2022: u32,
    /// National clusters in the 2023 batch, same rules: Sichuan's 4
    /// ("四个上榜"); Henan's 2 from its 9 after 2024 (中牟 refutes the copy
    /// that says 7); Chongqing's 5 and 5 in 2022-2023 from its 13 up to mid
    /// 2025, 3 of them in 2024.
    pub batch_2023: u32,
    /// National clusters in the 2024 batch, same rules: the counts
    /// published for Beijing, Shanghai, Guangdong, Henan, Shaanxi, Shanxi,
    /// Yunnan, Jilin and Ningbo kept, Hebei's six named ones, Jiangxi's
    /// three derived, Chongqing's three, Inner Mongolia's one (青山区).
    pub batch_2024: u32,
    /// National clusters in the 2025 batch, quotas of 8 a province and 2
    /// for a separately-listed city: Hebei's 7, Henan's 6, Jiangxi's 3,
    /// Shaanxi's and Guangxi's 1 as published, Inner Mongolia's 1 (3 in all
    /// by November 2025).
    pub batch_2025: u32,
    /// Provincial-level clusters in the bundled data.
    pub provincial: u32,
}

const fn p(
    name: &'static str,
    name_zh: &'static str,
    code: &'static str,
    region: &'static str,
    cities: &'static [&'static str],
    batch_2022: u32,
    batch_2023: u32,
    batch_2024: u32,
    batch_2025: u32,
    provincial: u32,
) -> Province {
    Province {
        name,
        name_zh,
        code,
        region,
        cities,
        batch_2022,
        batch_2023,
        batch_2024,
        batch_2025,
        provincial,
    }
}

pub const PROVINCES: &[Province] = &[
    p(
        "Beijing",
        "北京市",
        "11",
        "east",
        &["北京市"],
        3,
        6,
        3,
        3,
        0,
    ),
    p(
        "Tianjin",
        "天津市",
        "12",
        "east",
        &["天津市"],
        2,
        3,
        2,
        2,
        0,
    ),
    p(
        "Hebei",
        "河北省",
        "13",
        "east",
        &["石家庄市", "保定市", "邢台市"],
        4,
        6,
        6,
        7,
        0,
    ),
    p(
        "Shanxi",
        "山西省",
        "14",
        "central",
        &["太原市", "长治市"],
        1,
        1,
        1,
        2,
        0,
    ),
    p(
        "Inner Mongolia",
        "内蒙古自治区",
        "15",
        "west",
        &["呼和浩特市", "包头市"],
        0,
        1,
        1,
        1,
        0,
    ),
    p(
        "Liaoning",
        "辽宁省",
        "21",
        "northeast",
        &["沈阳市", "大连市", "鞍山市"],
        3,
        4,
        4,
        3,
        0,
    ),
    p(
        "Jilin",
        "吉林省",
        "22",
        "northeast",
        &["长春市", "吉林市", "延边州"],
        1,
        0,
        0,
        1,
        0,
    ),
    p(
        "Heilongjiang",
        "黑龙江省",
        "23",
        "northeast",
        &["哈尔滨市", "大庆市"],
        1,
        1,
        1,
        2,
        0,
    ),
    p(
        "Shanghai",
        "上海市",
        "31",
        "east",
        &["上海市"],
        5,
        4,
        5,
        3,
        0,
    ),
    p(
        "Jiangsu",
        "江苏省",
        "32",
        "east",
        &["苏州市", "无锡市", "常州市", "南通市"],
        5,
        6,
        5,
        8,
        6,
    ),
    p(
        "Zhejiang",
        "浙江省",
        "33",
        "east",
        &["宁波市", "温州市", "台州市", "金华市"],
        5,
        6,
        6,
        7,
        6,
    ),
    p(
        "Anhui",
        "安徽省",
        "34",
        "central",
        &["合肥市", "芜湖市", "滁州市"],
        5,
        6,
        5,
        5,
        0,
    ),
    p(
        "Fujian",
        "福建省",
        "35",
        "east",
        &["福州市", "泉州市", "厦门市"],
        5,
        6,
        6,
        5,
        0,
    ),
    p(
        "Jiangxi",
        "江西省",
        "36",
        "central",
        &["南昌市", "赣州市", "上饶市"],
        5,
        5,
        3,
        3,
        0,
    ),
    p(
        "Shandong",
        "山东省",
        "37",
        "east",
        &["青岛市", "潍坊市", "临沂市", "烟台市"],
        7,
        6,
        7,
        7,
        5,
    ),
    p(
        "Henan",
        "河南省",
        "41",
        "central",
        &["郑州市", "洛阳市", "许昌市"],
        4,
        2,
        3,
        6,
        4,
    ),
    p(
        "Hubei",
        "湖北省",
        "42",
        "central",
        &["武汉市", "襄阳市", "宜昌市"],
        5,
        5,
        5,
        5,
        4,
    ),
    p(
        "Hunan",
        "湖南省",
        "43",
        "central",
        &["长沙市", "株洲市", "岳阳市"],
        5,
        5,
        5,
        4,
        3,
    ),
    p(
        "Guangdong",
        "广东省",
        "44",
        "east",
        &["佛山市", "东莞市", "中山市", "深圳市"],
        7,
        7,
        8,
        8,
        5,
    ),
    p(
        "Guangxi",
        "广西壮族自治区",
        "45",
        "west",
        &["南宁市", "柳州市", "玉林市"],
        4,
        3,
        4,
        1,
        0,
    ),
    p("Hainan", "海南省", "46", "east", &["海口市"], 0, 0, 1, 1, 0),
    p(
        "Chongqing",
        "重庆市",
        "50",
        "west",
        &["重庆市"],
        5,
        5,
        3,
        3,
        0,
    ),
    p(
        "Sichuan",
        "四川省",
        "51",
        "west",
        &["成都市", "德阳市", "宜宾市"],
        5,
        4,
        5,
        5,
        3,
    ),
    p(
        "Guizhou",
        "贵州省",
        "52",
        "west",
        &["贵阳市", "遵义市"],
        4,
        2,
        3,
        2,
        0,
    ),
    p(
        "Yunnan",
        "云南省",
        "53",
        "west",
        &["昆明市", "曲靖市", "玉溪市"],
        3,
        3,
        1,
        2,
        4,
    ),
    p(
        "Tibet",
        "西藏自治区",
        "54",
        "west",
        &["拉萨市"],
        0,
        0,
        0,
        0,
        0,
    ),
    p(
        "Shaanxi",
        "陕西省",
        "61",
        "west",
        &["西安市", "宝鸡市", "咸阳市"],
        4,
        3,
        2,
        1,
        0,
    ),
    p(
        "Gansu",
        "甘肃省",
        "62",
        "west",
        &["兰州市", "天水市"],
        1,
        0,
        2,
        1,
        0,
    ),
    p(
        "Qinghai",
        "青海省",
        "63",
        "west",
        &["西宁市"],
        0,
        0,
        1,
        0,
        0,
    ),
    p(
        "Ningxia",
        "宁夏回族自治区",
        "64",
        "west",
        &["银川市"],
        0,
        0,
        1,
        1,
        0,
    ),
    p(
        "Xinjiang",
        "新疆维吾尔自治区",
        "65",
        "west",
        &["乌鲁木齐市", "昌吉州"],
        1,
        0,
        1,
        1,
        0,
    ),
];

/// The province of an English name. The Xinjiang Production and
/// Construction Corps nominates on its own quota but is no province of the
/// division codes: its cities (阿拉尔市 659002, …) are county-level units of
/// Xinjiang, so its clusters count under Xinjiang here.
pub fn by_name(name: &str) -> Option<&'static Province> {
    let name = if name == "Xinjiang Production and Construction Corps" {
        "Xinjiang"
    } else {
        name
    };
    PROVINCES.iter().find(|province| province.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_have_one_hundred_clusters_each() {
        assert_eq!(PROVINCES.iter().map(|p| p.batch_2022).sum::<u32>(), 100);
        assert_eq!(PROVINCES.iter().map(|p| p.batch_2023).sum::<u32>(), 100);
        assert_eq!(PROVINCES.iter().map(|p| p.batch_2024).sum::<u32>(), 100);
        assert_eq!(PROVINCES.iter().map(|p| p.batch_2025).sum::<u32>(), 100);
    }

    #[test]
    fn quotas_hold() {
        // 5 a province plus 3 for a separately-listed city (domain.md).
        assert!(
            PROVINCES
                .iter()
                .all(|p| p.batch_2022 <= 8 && p.batch_2023 <= 8)
        );
        // 26 provinces in the 2022 list, ten of them with 5 (official_clusters.md).
        assert_eq!(PROVINCES.iter().filter(|p| p.batch_2022 > 0).count(), 26);
        assert_eq!(PROVINCES.iter().filter(|p| p.batch_2022 == 5).count(), 10);
        // 8 a province and 2 for a separately-listed city from 2025.
        assert!(
            PROVINCES
                .iter()
                .all(|p| p.batch_2024 <= 8 && p.batch_2025 <= 10)
        );
    }

    /// Every real cluster has a place in its province's count of its batch:
    /// a province with more named clusters than its count would lose some.
    #[test]
    fn counts_hold_the_named_clusters() {
        let official = super::super::official::official_clusters();
        for province in PROVINCES {
            for (year, count) in [
                (2022, province.batch_2022),
                (2023, province.batch_2023),
                (2024, province.batch_2024),
                (2025, province.batch_2025),
            ] {
                let named = official
                    .iter()
                    .filter(|c| {
                        c.batch_year == year
                            && by_name(&c.province_en).is_some_and(|p| p.code == province.code)
                    })
                    .count();
                assert!(
                    named <= count as usize,
                    "{} {year}: {named} named",
                    province.name
                );
            }
        }
        assert!(
            official.iter().all(|c| by_name(&c.province_en).is_some()),
            "every province_en names a province"
        );
    }
}
