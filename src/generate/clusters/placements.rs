//! Where clusters are placed: a real county for every cluster, never two
//! clusters of one industry in one county.

use std::collections::HashSet;

use crate::generate::geography::{Province, by_name};
use crate::generate::official::OfficialCluster;
use crate::generate::rng::Rng;

/// Which counties hold a cluster of which industry, so that no county gets
/// two clusters of one industry (one cluster per sub-sector, as the
/// programme recognizes them).
#[derive(Default)]
pub(super) struct Placements {
    taken: HashSet<(&'static str, String)>,
}

impl Placements {
    /// Takes the counties of every real cluster before any invented one is
    /// drawn, so that an invented cluster of an earlier batch never sits in
    /// a county with a real cluster of its industry recognized later.
    pub(super) fn reserve(&mut self, official: &[OfficialCluster]) {
        for found in official {
            let located = by_name(&found.province_en)
                .and_then(|province| crate::counties::locate(province.code, &found.locality_zh));
            if let Some(county) = located {
                self.taken.insert((county.code, found.industry_en.clone()));
            }
        }
    }

    /// The county of a real cluster: the one its locality names, found
    /// within its province; a locality that names none stays a real name
    /// in a county drawn like an invented one's.
    pub(super) fn real(
        &mut self,
        rng: &mut Rng,
        province: &Province,
        locality: &str,
        industry: &str,
    ) -> &'static crate::counties::County {
        match crate::counties::locate(province.code, locality) {
            Some(county) => {
                self.taken.insert((county.code, industry.to_string()));
                county
            }
            None => self.invented(rng, province, industry),
        }
    }

    /// A real county of the province, drawn, without a cluster of this
    /// industry yet.
    pub(super) fn invented(
        &mut self,
        rng: &mut Rng,
        province: &Province,
        industry: &str,
    ) -> &'static crate::counties::County {
        let free: Vec<&'static crate::counties::County> =
            crate::counties::in_province(province.code)
                .filter(|county| !self.taken.contains(&(county.code, industry.to_string())))
                .collect();
        // Every province has far more counties than clusters of one
        // industry; were they all taken, a second cluster shares a county.
        let county = if free.is_empty() {
            *rng.pick(&crate::counties::in_province(province.code).collect::<Vec<_>>())
        } else {
            *rng.pick(&free)
        };
        self.taken.insert((county.code, industry.to_string()));
        county
    }
}
