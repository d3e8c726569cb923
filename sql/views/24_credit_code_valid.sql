-- name: credit_code_valid
-- question: Is a unified social credit code well formed by GB 32100-2015, both of its check characters right? (scalar macro: credit_code_valid(code))
-- reproduces: none (the rules of GB 32100-2015 and GB 11714-1997, for researchers' own firm lists)
-- grain: one value per code
-- columns:
--   result: true when code has 18 characters from 0-9 and A-Z less I, O, S, V and Z, characters 3-8 are digits (the registering authority's division code), character 17 is the GB 11714 check character of characters 9-16 (the organization code: weights 3 7 9 10 5 8 4 2, 11 - sum mod 11, 10 written X and 11 written 0) and character 18 the GB 32100 check character of the first 17 (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, 31 - sum mod 31, 31 written 0); false otherwise, lower case and spaces included (credit_code_valid(upper(trim(code))) forgives them); NULL for NULL
-- question_zh: 一个统一社会信用代码是否符合 GB 32100-2015 的编码规则，两个校验码是否都正确？（标量宏：credit_code_valid(code)）
-- columns_zh:
--   result: 代码由 18 个字符组成（数字 0-9 和除 I、O、S、V、Z 以外的大写字母），第 3-8 位为数字（登记管理机关行政区划码），第 17 位是第 9-16 位（组织机构代码本体）按 GB 11714 计算的校验码（权数 3 7 9 10 5 8 4 2，11 减去加权和除以 11 的余数，10 记为 X，11 记为 0），第 18 位是前 17 位按 GB 32100 计算的校验码（权数 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28，31 减去加权和除以 31 的余数，31 记为 0）时为 true；否则为 false，小写字母和空格也算不符合（可写 credit_code_valid(upper(trim(code))) 予以容忍）；code 为 NULL 时为 NULL
CREATE OR REPLACE MACRO credit_code_valid(code) AS
CASE
    WHEN code IS NULL THEN NULL
    WHEN NOT regexp_full_match(code::VARCHAR, '[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}') THEN false
    ELSE
        -- GB 11714: character 17 checks the organization code's body, characters
        -- 9-16, each worth 0-9 or A = 10 to Z = 35.
        substr(code::VARCHAR, 17, 1) = substr(
            '123456789X0',
            (11 - list_sum(list_transform(
                [3, 7, 9, 10, 5, 8, 4, 2],
                lambda w, i: w * (instr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(code::VARCHAR, 8 + i, 1)) - 1)
            )) % 11)::INTEGER,
            1)
        -- GB 32100: character 18 checks the first 17, each worth its place in
        -- the code's 31-character alphabet (0-based).
        AND substr(code::VARCHAR, 18, 1) = substr(
            '0123456789ABCDEFGHJKLMNPQRTUWXY',
            ((31 - list_sum(list_transform(
                [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28],
                lambda w, i: w * (instr('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code::VARCHAR, i, 1)) - 1)
            )) % 31) % 31)::INTEGER + 1,
            1)
END;
