-- name: credit_code_county
-- question: Where was the holder of a unified social credit code registered: the six-digit division code of its registering authority, to join a firm list to counties and to clusters? (scalar macro: credit_code_county(code))
-- reproduces: none (characters 3-8 of a code, GB 32100-2015)
-- grain: one value per code
-- columns:
--   result: characters 3-8 of code as VARCHAR, the division code (GB/T 2260) of the authority that registered the holder, when credit_code_valid(code) is true, else NULL; a county-level authority gives its county's code, which joins counties.county_code and clusters.county_code, while a firm registered by a prefecture's or a province's authority carries that code (ending in 00 or 0000), and a code registered before a division was renamed or merged keeps the old code
-- question_zh: 统一社会信用代码的持有者在哪里登记：其登记管理机关的六位行政区划码，可用于把企业名单连接到 counties 和 clusters（标量宏：credit_code_county(code)）
-- columns_zh:
--   result: credit_code_valid(code) 为 true 时取代码第 3-8 位（VARCHAR），即登记该主体的登记管理机关的行政区划码（GB/T 2260），否则为 NULL；县级登记机关给出所在县的代码，可与 counties.county_code 和 clusters.county_code 连接；由地级或省级登记机关登记的企业带的是地级或省级代码（以 00 或 0000 结尾）；区划更名或撤并前登记的代码保留原区划码
CREATE OR REPLACE MACRO credit_code_county(code) AS
CASE WHEN credit_code_valid(code) THEN substr(code::VARCHAR, 3, 6) END;
