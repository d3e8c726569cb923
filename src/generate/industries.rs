//! Sectors (the fixed list of the schema) and leading industries that fit
//! them, for invented clusters; and the sector of a real cluster, read from
//! its industry's name.

pub struct Sector {
    pub key: &'static str,
    /// (Chinese, English) names of leading industries in this sector.
    pub industries: &'static [(&'static str, &'static str)],
    /// Key links of major industrial chains that clusters of this sector supply.
    pub chain_links: &'static [&'static str],
    /// Relative number of invented clusters in this sector.
    pub weight: f64,
}

pub const SECTORS: &[Sector] = &[
    Sector {
        key: "equipment",
        industries: &[
            ("数控机床", "CNC machine tools"),
            ("工业机器人", "industrial robots"),
            ("精密仪器仪表", "precision instruments"),
            ("农机装备", "agricultural machinery"),
            ("泵阀", "pumps and valves"),
            ("轴承", "bearings"),
            ("电机", "electric motors"),
        ],
        chain_links: &["precision instruments", "industrial robots"],
        weight: 5.0,
    },
    Sector {
        key: "electronics",
        industries: &[
            ("智能芯片", "smart chips"),
            ("电子元器件", "electronic components"),
            ("光电显示", "optoelectronic displays"),
            ("智能传感器", "smart sensors"),
        ],
        chain_links: &["smart chips"],
        weight: 2.5,
    },
    Sector {
        key: "materials",
        industries: &[
            ("高性能纤维材料", "high-performance fibre materials"),
            ("特种合金", "special alloys"),
            ("先进陶瓷", "advanced ceramics"),
            ("稀土功能材料", "rare-earth functional materials"),
            ("铝精深加工", "deep-processed aluminium"),
        ],
        chain_links: &["high-performance materials"],
        weight: 3.0,
    },
    Sector {
        key: "chemicals",
        industries: &[
            ("精细化工", "fine chemicals"),
            ("氟化工", "fluorochemicals"),
            ("涂料", "coatings"),
        ],
        chain_links: &[],
        weight: 1.2,
    },
    Sector {
        key: "automotive",
        industries: &[
            ("汽车零部件", "auto parts"),
            (
                "新能源汽车电驱动系统",
                "electric drive systems for new-energy vehicles",
            ),
            ("摩托车", "motorcycles"),
        ],
        chain_links: &["propulsion systems for new energy vehicles"],
        weight: 2.0,
    },
    Sector {
        key: "consumer_goods",
        industries: &[
            ("家具", "furniture"),
            ("小家电", "small home appliances"),
            ("五金工具", "hardware and tools"),
            ("眼镜", "eyewear"),
            ("玩具", "toys"),
        ],
        chain_links: &[],
        weight: 2.5,
    },
    Sector {
        key: "textiles",
        industries: &[
            ("针织服装", "knitwear"),
            ("制鞋", "footwear"),
            ("丝绸", "silk"),
        ],
        chain_links: &[],
        weight: 1.5,
    },
    Sector {
        key: "food",
        industries: &[
            ("茶叶", "tea"),
            ("预制菜", "prepared dishes"),
            ("调味品", "condiments"),
            ("白酒", "baijiu"),
        ],
        chain_links: &[],
        weight: 1.5,
    },
    Sector {
        key: "biomedicine",
        industries: &[
            ("医疗器械", "medical devices"),
            ("生物医药", "biopharmaceuticals"),
            ("中药", "traditional Chinese medicine"),
        ],
        chain_links: &[],
        weight: 1.2,
    },
    Sector {
        key: "energy",
        industries: &[
            ("锂电池", "lithium batteries"),
            ("光伏", "photovoltaics"),
            ("氢能装备", "hydrogen equipment"),
        ],
        chain_links: &[],
        weight: 1.2,
    },
    Sector {
        key: "software",
        industries: &[
            ("工业软件", "industrial software"),
            ("行业应用软件", "industry application software"),
        ],
        chain_links: &[],
        weight: 0.6,
    },
];

/// Keywords of an industry's Chinese name and the sector they mean, tried
/// in order (chips before vehicles, so 车规级芯片 is electronics).
const KEYWORDS: &[(&str, &[&str])] = &[
    ("software", &["软件", "信息服务", "数字", "智慧城市"]),
    (
        "electronics",
        &[
            "芯片",
            "集成电路",
            "半导体",
            "电子",
            "显示",
            "光电",
            "传感",
            "通信",
            "导航",
            "连接器",
            "线路板",
            "射频",
        ],
    ),
    (
        "biomedicine",
        &["医药", "医疗", "生物", "药", "健康", "基因"],
    ),
    (
        "energy",
        &["新能源", "电池", "光伏", "锂", "氢", "储能", "电力"],
    ),
    ("automotive", &["汽车", "车", "摩托"]),
    ("chemicals", &["化工", "涂料", "化学", "氟"]),
    (
        "materials",
        &[
            "材料", "纤维", "陶瓷", "玻璃", "钢", "铝", "铜", "钛", "稀土", "石墨", "硅", "合金",
            "瓷",
        ],
    ),
    (
        "food",
        &["食品", "茶", "酒", "粮", "果", "肉", "乳", "调味", "菜"],
    ),
    (
        "textiles",
        &["纺织", "服装", "服饰", "鞋", "丝", "布", "袜", "羊绒"],
    ),
    (
        "consumer_goods",
        &[
            "家具", "家电", "玩具", "灯", "日用", "卫浴", "箱包", "文具", "乐器", "眼镜", "五金",
            "校具", "伞", "钟表", "厨卫", "家居",
        ],
    ),
];

pub fn sector_of(industry_zh: &str) -> &'static str {
    KEYWORDS
        .iter()
        .find(|(_, words)| words.iter().any(|word| industry_zh.contains(word)))
        .map_or("equipment", |(sector, _)| sector)
}

pub fn sector(key: &str) -> &'static Sector {
    SECTORS
        .iter()
        .find(|sector| sector.key == key)
        .unwrap_or(&SECTORS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_industries_get_fitting_sectors() {
        assert_eq!(sector_of("车规级芯片"), "electronics");
        assert_eq!(sector_of("新能源电力装备"), "energy");
        assert_eq!(sector_of("成套智能装备"), "equipment");
        assert_eq!(sector_of("眼镜"), "consumer_goods");
    }

    #[test]
    fn every_keyword_sector_exists() {
        for (key, _) in KEYWORDS {
            assert_eq!(sector(key).key, *key);
        }
    }
}
