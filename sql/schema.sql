-- The tables of clusterql's data model (design.md, "Data model").
-- Units are in column names: money in billion yuan (_bn_cny) per cluster,
-- million yuan (_mn_cny) per enterprise; shares are fractions 0..1.
-- Loaded data is checked against these constraints by DuckDB itself.

-- Every county-level division of China: the National Bureau of Statistics'
-- 2023 statistical division codes (data/counties.csv). Reference data, so
-- an --empty database has it too; a cluster's county is one of these.
CREATE TABLE IF NOT EXISTS counties (
    county_code      VARCHAR PRIMARY KEY CHECK (regexp_full_match(county_code, '[0-9]{6}')),
    county           VARCHAR NOT NULL,
    prefecture_code  VARCHAR NOT NULL CHECK (regexp_full_match(prefecture_code, '[0-9]{4}')),
    prefecture       VARCHAR NOT NULL,
    province_code    VARCHAR NOT NULL CHECK (regexp_full_match(province_code, '[0-9]{2}')),
    province_zh      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS clusters (
    cluster_id        VARCHAR PRIMARY KEY CHECK (regexp_full_match(cluster_id, '[NP][0-9]{4}-[0-9]{3}')),
    name              VARCHAR NOT NULL,
    name_en           VARCHAR NOT NULL,
    level             VARCHAR NOT NULL CHECK (level IN ('national', 'provincial')),
    batch_year        INTEGER NOT NULL CHECK (batch_year BETWEEN 2015 AND 2035),
    province          VARCHAR NOT NULL,
    province_zh       VARCHAR NOT NULL,
    region            VARCHAR NOT NULL CHECK (region IN ('east', 'central', 'west', 'northeast')),
    county            VARCHAR NOT NULL,
    county_code       VARCHAR NOT NULL REFERENCES counties (county_code),
    leading_industry  VARCHAR NOT NULL,
    sector            VARCHAR NOT NULL CHECK (sector IN (
                          'equipment', 'electronics', 'materials', 'chemicals', 'automotive',
                          'consumer_goods', 'textiles', 'food', 'biomedicine', 'energy', 'software')),
    area_km2          DOUBLE CHECK (area_km2 > 0),
    valid_from        DATE NOT NULL,
    valid_to          DATE NOT NULL,
    status            VARCHAR NOT NULL CHECK (status IN ('active', 'revoked')),
    -- 'public report' and the doubts of its row, in a fixed order; 'official list'
    -- is what files written before the flags carry for a real cluster.
    name_source       VARCHAR NOT NULL CHECK (regexp_full_match(name_source,
                          'synthetic|official list|public report(, name rebuilt)?(, batch year inferred)?(, public notice only)?(, unverified)?')),
    CHECK (valid_to >= valid_from)
);

CREATE TABLE IF NOT EXISTS cluster_reports (
    cluster_id                   VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    report_year                  INTEGER NOT NULL CHECK (report_year BETWEEN 2000 AND 2035),
    total_output_bn_cny          DOUBLE NOT NULL CHECK (total_output_bn_cny >= 0),
    leading_output_bn_cny        DOUBLE NOT NULL CHECK (leading_output_bn_cny >= 0),
    sme_output_bn_cny            DOUBLE NOT NULL CHECK (sme_output_bn_cny >= 0),
    enterprise_count             INTEGER NOT NULL CHECK (enterprise_count >= 0),
    sme_count                    INTEGER NOT NULL CHECK (sme_count >= 0),
    above_scale_count            INTEGER NOT NULL CHECK (above_scale_count >= 0),
    employees                    INTEGER NOT NULL CHECK (employees >= 0),
    sme_rd_bn_cny                DOUBLE NOT NULL CHECK (sme_rd_bn_cny >= 0),
    export_bn_cny                DOUBLE NOT NULL CHECK (export_bn_cny >= 0),
    industrial_internet_rate     DOUBLE NOT NULL CHECK (industrial_internet_rate BETWEEN 0 AND 1),
    energy_intensity             DOUBLE NOT NULL CHECK (energy_intensity >= 0),
    is_county_pillar             BOOLEAN NOT NULL,
    served_by_national_platform  BOOLEAN NOT NULL,
    has_promotion_mechanism      BOOLEAN NOT NULL,
    has_rights_protection        BOOLEAN NOT NULL,
    PRIMARY KEY (cluster_id, report_year),
    CHECK (leading_output_bn_cny <= total_output_bn_cny),
    CHECK (sme_output_bn_cny <= total_output_bn_cny),
    CHECK (sme_count <= enterprise_count),
    CHECK (above_scale_count <= enterprise_count)
);

-- The roster tables (enterprises, enterprise_honors) hold tens of millions
-- of rows at national scale and carry no index: an ART index for a primary
-- key or a foreign key made a validated load four times slower than
-- DuckDB's reader. Their keys and references are declared in `load`
-- (src/load/keys.rs) and checked there with set queries.
CREATE TABLE IF NOT EXISTS enterprises (
    enterprise_id        VARCHAR NOT NULL CHECK (length(enterprise_id) = 18),
    cluster_id           VARCHAR NOT NULL,
    name                 VARCHAR NOT NULL,
    size_class           VARCHAR NOT NULL CHECK (size_class IN ('large', 'medium', 'small', 'micro')),
    is_sme               BOOLEAN NOT NULL,
    above_scale          BOOLEAN NOT NULL,
    in_leading_industry  BOOLEAN NOT NULL,
    founded_year         INTEGER CHECK (founded_year BETWEEN 1900 AND 2035),
    employees            INTEGER NOT NULL CHECK (employees >= 0),
    revenue_mn_cny       DOUBLE NOT NULL CHECK (revenue_mn_cny >= 0),
    -- The panel: the enterprise is on its cluster's roster in report year Y
    -- when joined_year <= Y and (left_year IS NULL or Y < left_year); left_year
    -- is the first report year it is no longer counted in. Size, revenue and
    -- employees are the enterprise's latest; the panel keeps them constant.
    joined_year          INTEGER NOT NULL CHECK (joined_year BETWEEN 1900 AND 2035),
    left_year            INTEGER CHECK (left_year BETWEEN 1900 AND 2035),
    CHECK (is_sme = (size_class <> 'large')),
    CHECK (left_year IS NULL OR left_year > joined_year)
);

-- Honors are a history: one row per tier an enterprise was awarded, keyed by
-- (enterprise_id, tier). Its tier in report year Y is the highest tier with
-- awarded_year <= Y (tiers never lapse in the bundled data).
CREATE TABLE IF NOT EXISTS enterprise_honors (
    enterprise_id  VARCHAR NOT NULL,
    tier           VARCHAR NOT NULL CHECK (tier IN ('innovative_sme', 'specialized_sme', 'little_giant', 'manufacturing_champion')),
    level          VARCHAR NOT NULL CHECK (level IN ('national', 'provincial')),
    awarded_year   INTEGER NOT NULL CHECK (awarded_year BETWEEN 2000 AND 2035)
);

CREATE TABLE IF NOT EXISTS chain_links (
    cluster_id  VARCHAR NOT NULL REFERENCES clusters (cluster_id),
    link        VARCHAR NOT NULL,
    PRIMARY KEY (cluster_id, link)
);

-- Published figures as data: one row per source and claim. report_year is
-- the report year the claim describes; an erratum row records a figure a
-- source got wrong (with the corrected value): `check` lists it apart and it
-- never makes `check` fail. Comparator `odd` reads "N-odd" (N多): the value
-- is at least published_value and below published_value + tolerance.
CREATE TABLE IF NOT EXISTS briefing_claims (
    source_key       VARCHAR NOT NULL CHECK (regexp_full_match(source_key, '[a-z0-9-]+')),
    claim_id         VARCHAR NOT NULL,
    report_year      INTEGER NOT NULL CHECK (report_year BETWEEN 2000 AND 2035),
    aspect           VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,
    comparator       VARCHAR NOT NULL CHECK (comparator IN ('=', '>', '>=', '<', '<=', '~', 'odd', 'all')),
    published_value  DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    tolerance        DOUBLE NOT NULL CHECK (tolerance >= 0),
    erratum          BOOLEAN NOT NULL,
    corrected_value  DOUBLE,
    statement        VARCHAR NOT NULL,
    statement_zh     VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    note             VARCHAR,
    PRIMARY KEY (source_key, claim_id),
    CHECK (erratum = (corrected_value IS NOT NULL)),
    CHECK (comparator <> 'odd' OR tolerance > 0)
);

CREATE TABLE IF NOT EXISTS recognition_criteria (
    criterion_id  VARCHAR NOT NULL,
    indicator_group  VARCHAR NOT NULL,
    description   VARCHAR NOT NULL,
    level         VARCHAR NOT NULL CHECK (level IN ('national', 'provincial')),
    metric        VARCHAR NOT NULL,
    comparator    VARCHAR NOT NULL CHECK (comparator IN ('>', '>=', '<', '<=', '=')),
    threshold     DOUBLE NOT NULL,
    unit          VARCHAR NOT NULL,
    PRIMARY KEY (criterion_id, level)
);
