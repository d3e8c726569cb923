-- The tables of clusterql's data model (design.md, "Data model").
-- Units are in column names: money in billion yuan (_bn_cny) per cluster,
-- million yuan (_mn_cny) per enterprise; shares are fractions 0..1.
-- Loaded data is checked against these constraints by DuckDB itself.

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
    county_code       VARCHAR NOT NULL CHECK (regexp_full_match(county_code, '[0-9]{6}')),
    leading_industry  VARCHAR NOT NULL,
    sector            VARCHAR NOT NULL CHECK (sector IN (
                          'equipment', 'electronics', 'materials', 'chemicals', 'automotive',
                          'consumer_goods', 'textiles', 'food', 'biomedicine', 'energy', 'software')),
    area_km2          DOUBLE CHECK (area_km2 > 0),
    valid_from        DATE NOT NULL,
    valid_to          DATE NOT NULL,
    status            VARCHAR NOT NULL CHECK (status IN ('active', 'revoked')),
    name_source       VARCHAR NOT NULL CHECK (name_source IN ('official list', 'synthetic')),
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
    CHECK (is_sme = (size_class <> 'large'))
);

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

CREATE TABLE IF NOT EXISTS briefing_claims (
    claim_id         VARCHAR NOT NULL,
    aspect           VARCHAR NOT NULL,
    statement        VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,
    comparator       VARCHAR NOT NULL CHECK (comparator IN ('=', '>', '>=', '<', '<=', '~', 'all')),
    published_value  DOUBLE NOT NULL,
    unit             VARCHAR NOT NULL,
    tolerance        DOUBLE NOT NULL CHECK (tolerance >= 0),
    source           VARCHAR NOT NULL,
    PRIMARY KEY (claim_id, source)
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
