-- boolean
select true as t, false as f
select true as t, false as f, NULL::BOOLEAN as n
select 1 = 1 as eq, 1 < 0 as lt, NULL = 1 as unknown
select 'true'::BOOLEAN as a, 'f'::BOOLEAN as b, 'yes'::BOOLEAN as c, 0::BOOLEAN as d
select x, x % 2 = 0 as is_even from range(4) t(x)
select [true, false, NULL] as bools, {'flag': true} as s
-- signed integers with edge values
select (-128)::TINYINT as tmin, 127::TINYINT as tmax, 0::TINYINT as tzero
select (-32768)::SMALLINT as smin, 32767::SMALLINT as smax, -1::SMALLINT as sneg
select (-2147483648)::INTEGER as imin, 2147483647::INTEGER as imax, 42 as i
select '-9223372036854775808'::BIGINT as bmin, 9223372036854775807::BIGINT as bmax
select 1::TINYINT as a, 1::SMALLINT as b, 1::INTEGER as c, 1::BIGINT as d
select -1 as neg, 0 as zero, 1 as pos, -0 as negzero
select 1000000 as million, 1000000000000 as trillion, -987654321 as n
select 7 // 2 as intdiv, 7 % 3 as modulo, -7 // 2 as negdiv, -7 % 3 as negmod
select 2147483647::BIGINT + 1 as overflow_ok, 9007199254740993 as beyond_double
select try_cast(255 AS TINYINT) as overflow_null, try_cast(-129 AS TINYINT) as underflow_null, try_cast(255 AS UTINYINT) as fits
select abs(-128::SMALLINT) as a, 127::TINYINT::SMALLINT * 2 as b
select 1::BIGINT << 62 as shift, ~0 as bitnot, 5 & 3 as band, 5 | 3 as bor
-- unsigned integers with edge values
select 0::UTINYINT as umin, 255::UTINYINT as umax
select 0::USMALLINT as umin, 65535::USMALLINT as umax
select 0::UINTEGER as umin, 4294967295::UINTEGER as umax
select 0::UBIGINT as umin, 18446744073709551615::UBIGINT as umax
select 1::UTINYINT as a, 2::USMALLINT as b, 3::UINTEGER as c, 4::UBIGINT as d
select 9223372036854775808::UBIGINT as above_bigint, 18446744073709551614::UBIGINT as almost
select [0::UTINYINT, 255::UTINYINT] as lu8, [65535::USMALLINT] as lu16
select [4294967295::UINTEGER, NULL] as lu32, [18446744073709551615::UBIGINT] as lu64
select {'u8': 200::UTINYINT, 'u64': 18446744073709551615::UBIGINT} as s
select 128::UTINYINT as a, 32768::USMALLINT as b, 2147483648::UINTEGER as c
-- hugeint and uhugeint
select '-170141183460469231731687303715884105728'::HUGEINT as hmin, 170141183460469231731687303715884105727::HUGEINT as hmax
select 0::UHUGEINT as umin, 340282366920938463463374607431768211455::UHUGEINT as umax
select md5_number('hello') as h, md5_number('') as e
select -123456789012345678901234567890::HUGEINT as neg, 123456789012345678901234567890::HUGEINT as pos
select 1::HUGEINT as one, -1::HUGEINT as minus_one, 0::HUGEINT as zero
select 18446744073709551616::HUGEINT as two64, -18446744073709551616::HUGEINT as neg_two64
select [1::HUGEINT, '-170141183460469231731687303715884105728'::HUGEINT] as lh
select [md5_number('a'), md5_number('b')] as hashes
select {'h': -99999999999999999999::HUGEINT, 'u': 99999999999999999999::UHUGEINT} as s
select 9223372036854775807::HUGEINT * 4 as big, 170141183460469231731687303715884105728::UHUGEINT as over_hmax
select x::HUGEINT * 100000000000000000000 as h from range(-2, 3) t(x)
-- bignum (varint)
select 123::BIGNUM as small, -123::BIGNUM as neg
select '123456789012345678901234567890123456789012345'::BIGNUM as huge
select '-99999999999999999999999999999999999999999999999999'::BIGNUM as neg_huge
select 0::BIGNUM as zero, 1::VARINT as one
select [1::BIGNUM, '100000000000000000000000000000000000000000'::BIGNUM] as l
-- decimal of each width
select 123.4::DECIMAL(4,1) as d4, -123.4::DECIMAL(4,1) as n4, 0.0::DECIMAL(4,1) as z4
select 123456.789::DECIMAL(9,3) as d9, -0.001::DECIMAL(9,3) as n9, 0.001::DECIMAL(9,3) as p9
select 123456789012.345678::DECIMAL(18,6) as d18, -0.5::DECIMAL(18,6) as n18
select 1234567890123456789012345678.0123456789::DECIMAL(38,10) as d38, -0.0000000001::DECIMAL(38,10) as tiny
select 99999999999999999999999999999999999999::DECIMAL(38,0) as max38, -99999999999999999999999999999999999999::DECIMAL(38,0) as min38
select 42::DECIMAL(5,0) as zero_scale, -42::DECIMAL(18,0) as neg_zero_scale
select 0.001 as lit, -0.5 as neg_lit, 1.10 as trailing_zero, 100.00 as hundred
select 999.9::DECIMAL(4,1) as dmax, -999.9::DECIMAL(4,1) as dmin
select 999999.999::DECIMAL(9,3) as a, 999999999999.999999::DECIMAL(18,6) as b
select 1.5::DECIMAL(4,1) + 2.25::DECIMAL(9,3) as s, 1.5::DECIMAL(4,1) * 3 as m
select 0.1::DECIMAL(38,10) as a, 0::DECIMAL(38,10) as z, -1::DECIMAL(38,10) as m
select 3.14159::DECIMAL(10,2) as rounded, 2.5::DECIMAL(2,0) as half
select [1.5::DECIMAL(4,1), -0.5::DECIMAL(4,1), NULL] as l4
select [0.001::DECIMAL(9,3), 123456.789::DECIMAL(9,3)] as l9
select [-0.000001::DECIMAL(18,6)] as l18, [12345678901234567890.0123456789::DECIMAL(38,10)] as l38
select {'price': 19.99::DECIMAL(9,2), 'qty': 3} as s
select x::DECIMAL(9,3) / 8 as d from range(-2, 3) t(x)
select 0.5::DECIMAL(1,1) as one_digit, -0.9::DECIMAL(1,1) as neg_one_digit
-- float
select 0.1::FLOAT as f, (1/3)::FLOAT as third, -0.0::FLOAT as negzero
select 1e15::FLOAT as a, 1e16::FLOAT as b, 1e-5::FLOAT as c, 1.5e-7::FLOAT as d
select 1_2e1_0::FLOAT as f
select 3.4e38::FLOAT as fmax, -3.4e38::FLOAT as fmin
select 1.4e-45::FLOAT as denorm, 1.17549435e-38::FLOAT as fmin_normal
select 'nan'::FLOAT as n, 'inf'::FLOAT as i, '-inf'::FLOAT as m
select 100.0::FLOAT as hundred, 16777216::FLOAT as two24, 16777217::FLOAT as two24p1
select 123456789012.0::FLOAT as big, 0.3::FLOAT as p3
select [0.1::FLOAT, 'nan'::FLOAT, 'inf'::FLOAT, -0.0::FLOAT] as lf
select {'f': 2.5::FLOAT, 'g': 1e-10::FLOAT} as s
select 1::FLOAT as one, -1.5::FLOAT as neg, 0::FLOAT as zero
select 0.1::FLOAT::DOUBLE as widened, 0.1::DOUBLE::FLOAT as narrowed
-- double
select 0.1 + 0.2 as s, 1/3 as third, 2/3 as two_thirds
select 0.1::DOUBLE as a, 1.0::DOUBLE / 3 as b, -1.0::DOUBLE / 3 as c
select 1e15::DOUBLE as a, 1e16::DOUBLE as b, 1e17::DOUBLE as c, 1e21::DOUBLE as d
select 1e-5::DOUBLE as a, 1e-4::DOUBLE as b, 1.5e-7::DOUBLE as c, 0.001::DOUBLE as d
select 1.7976931348623157e308::DOUBLE as dmax, -1.7976931348623157e308::DOUBLE as dmin
select 2.2250738585072014e-308::DOUBLE as min_normal, 5e-324::DOUBLE as denorm_min, 4.9e-322::DOUBLE as denorm
select -0.0::DOUBLE as negzero, 0.0::DOUBLE as zero, -0.0::DOUBLE = 0.0 as equal
select 'nan'::DOUBLE as n, 'inf'::DOUBLE as i, '-inf'::DOUBLE as m, 'NaN'::DOUBLE as n2
select 100.0::DOUBLE as hundred, 123456789012.0::DOUBLE as big, 1.0::DOUBLE as one
select 9007199254740992::DOUBLE as two53, 9007199254740993::DOUBLE as two53p1
select 123456789.123456789::DOUBLE as many_digits, 0.000123456789::DOUBLE as small
select pi() as pi, exp(1) as e, sqrt(2) as root2
select 1e100::DOUBLE as googol, 1e-100::DOUBLE as tiny, -1e-100::DOUBLE as neg_tiny
select 1e300 * 1e10 as overflow_inf, -1e300 * 1e10 as overflow_neginf
select 'inf'::DOUBLE - 'inf'::DOUBLE as nan_result, 0.0::DOUBLE * -1 as negzero_result
select [0.1, 1/3, 1e16::DOUBLE, 1e-5::DOUBLE] as ld
select ['nan'::DOUBLE, 'inf'::DOUBLE, '-inf'::DOUBLE, -0.0::DOUBLE, NULL] as specials
select {'x': 1.5::DOUBLE, 'y': -2.25e-10::DOUBLE, 'z': 1e20::DOUBLE} as point
select x / 7 as frac, x * 1e15 as scaled from range(4) t(x)
select 12345678901234567890.0::DOUBLE as d, 0.1::DOUBLE * 3 as p3
select round(2.675::DOUBLE, 2) as r, 1e23::DOUBLE as e23, 4.35::DOUBLE * 100 as m
-- varchar basics
select '' as empty, ' ' as space, '   ' as spaces
select ' lead' as lead, 'trail ' as trail, ' both ' as both
select 'hello' as h, 'Hello, World' as comma
select 'NULL' as upper_null, 'null' as lower_null, 'Null' as mixed_null
select 'true' as t, '123' as num, '1.5e10' as sci, '-0' as negzero
select '' as e, NULL::VARCHAR as n, 'x' as x
select repeat('ab', 50) as long_str
select 'a' || 'b' as concat, upper('abc') as up, length('hello') as len
select lpad('7', 5, '0') as padded, rpad('x', 3, ' ') as rpadded
select x::VARCHAR as s, 'row' || x as label from range(3) t(x)
-- varchar special characters
select 'it''s' as single_quote, 'say "hi"' as double_quote
select '''' as only_single, '"' as only_double, '""' as two_double
select 'a,b' as comma, 'a,b,c,' as trailing_comma, ',' as only_comma
select 'a' || chr(9) || 'b' as tab, chr(9) as only_tab
select 'line1' || chr(10) || 'line2' as lf, 'line1' || chr(13) || chr(10) || 'line2' as crlf
select chr(13) as cr, chr(10) as lf, chr(13) || chr(10) as crlf
select 'a\b' as backslash, '\' as only_backslash, '\\' as two_backslashes
select 'C:\path\to\file' as win_path, '\n' as literal_backslash_n, '\t' as literal_backslash_t
select '[1, 2]' as brackets, '{a: 1}' as braces, 'k=v' as equals, 'a:b' as colon
select '{''a'': 1}' as struct_like, '[''x'', ''y'']' as list_like, '{k=v}' as map_like
select '(' as lparen, ')' as rparen, '(a, b)' as tuple_like
select 'x"y,z' as quote_comma, '"a","b"' as quoted_csv, 'a' || chr(10) || '"b"' as nl_quote
select E'esc\ttab' as escaped_tab, E'esc\nnewline' as escaped_nl, E'back\\slash' as escaped_bs
select '#' as hash, '--' as dashes, ';' as semicolon, '|' as pipe
select '<tag attr="v">' as html, '&amp;' as amp, '%_' as like_chars
select 'a' || chr(0) || 'b' as nul_inside
select chr(1) || chr(31) as control, chr(127) as del
select ' , ' as spaced_comma, ' " ' as spaced_quote, chr(9) || ' ' || chr(9) as ws_mix
select 'a' || chr(9) || 'b' || chr(10) || 'c,d"e' as everything
select '{"a": 1}' as json_text, '{"a": "b,c"}' as json_text_comma
-- varchar unicode
select '中小企业' as zh, '集群' as cluster, '日本語テキスト' as ja
select '😀' as emoji, '👨‍👩‍👧' as family, '🇫🇷' as flag
select 'café' as accented, 'naïve' as diaeresis, 'Ωmega' as greek
select 'مرحبا' as arabic, 'שלום' as hebrew, 'Привет' as russian
select chr(233) as e_acute, chr(8364) as euro, chr(128512) as grin
select '中,文' as zh_comma, '中"文' as zh_quote, '中' || chr(10) || '文' as zh_nl
select length('中小企业') as len, upper('straße') as up, reverse('abc中') as rev
select ['中小企业', '😀', 'a,b'] as unicode_list
-- blob
select 'abc'::BLOB as b, ''::BLOB as empty_blob
select '\x00\x01\x02'::BLOB as nonprint, '\xFF\xFE'::BLOB as high
select '\x00\x01ab\x5C'::BLOB as mixed, '\x5C\x5C'::BLOB as two_backslashes
select 'a\x0Ab\x09c'::BLOB as nl_tab, '\x22\x27\x2C'::BLOB as quotes_comma
select encode('héllo') as encoded, encode('') as empty_encoded
select from_hex('DEADBEEF') as deadbeef, from_base64('aGVsbG8=') as hello
select ['\x00'::BLOB, 'x'::BLOB, ''::BLOB] as lb
select {'data': '\xAA\xBB'::BLOB, 'name': 'blob'} as s
select NULL::BLOB as nb, octet_length('\x00\x01'::BLOB) as len
-- bit strings
select '101'::BIT as b, '0'::BIT as zero, '1'::BITSTRING as one
select '1010101010101010101010101010101010'::BITSTRING as long_bits
select bitstring('1011', 8) as padded, '00000000'::BIT as zeros
select ['1'::BIT, '010'::BIT] as lbits, NULL::BIT as nbit
select {'mask': '1100'::BIT} as s, bit_count('1111'::BIT) as cnt
-- uuid
select '550e8400-e29b-41d4-a716-446655440000'::UUID as u
select '00000000-0000-0000-0000-000000000000'::UUID as nil, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID as maxu
select '{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}'::UUID as braced_upper
select '6ba7b8109dad11d180b400c04fd430c8'::UUID as no_hyphens, '7fffffff-ffff-ffff-ffff-ffffffffffff'::UUID as mid
select ['550e8400-e29b-41d4-a716-446655440000'::UUID, NULL] as lu, {'id': '00000000-0000-0000-0000-000000000001'::UUID} as s
-- enum
select 'a'::ENUM('a', 'b') as e, 'b'::ENUM('a', 'b') as e2
select 'hello world'::ENUM('hello world', 'x,y') as spaced, 'x,y'::ENUM('hello world', 'x,y') as comma_val
select ['a'::ENUM('a', 'b'), NULL] as le, NULL::ENUM('a', 'b') as ne
select {'mood': 'happy'::ENUM('sad', 'happy')} as s
-- json
select '{"a":1}'::JSON as j
select '[1,2,3]'::JSON as arr, '"str"'::JSON as str, '123'::JSON as num
select 'null'::JSON as json_null, 'true'::JSON as json_true, NULL::JSON as sql_null
select '{"a":[1,{"b":null}],"c":"x,y"}'::JSON as nested
select '{ "spaced" : 1 }'::JSON as spaced, '{"s":"with \"quote\""}'::JSON as escaped
select json_object('k', 1, 'v', 'x') as obj, json_array(1, 'two', NULL) as arr
select to_json([1, 2]) as tj, to_json({'a': 'b'}) as tj2
select ['{"a":1}'::JSON, '[]'::JSON] as lj, {'payload': '{"x":true}'::JSON} as sj
select '{"中":"文"}'::JSON as unicode_json, '1.5e300'::JSON as big_num
-- date
select DATE '2024-01-15' as d, '2000-02-29'::DATE as leap
select '0001-01-01'::DATE as first_day, '9999-12-31'::DATE as last_day
select '0044-03-15 (BC)'::DATE as ides, '0001-12-31 (BC)'::DATE as year0
select 'infinity'::DATE as pinf, '-infinity'::DATE as ninf
select '1970-01-01'::DATE as epoch, '1969-12-31'::DATE as before_epoch
select DATE '2024-01-31' + 1 as next_day, DATE '2024-03-01' - 1 as prev_day
select DATE '2024-01-15' + INTERVAL 1 MONTH as plus_month
select ['2024-01-01'::DATE, '0044-03-15 (BC)'::DATE, 'infinity'::DATE] as ld
select {'start': DATE '2020-01-01', 'end': DATE '2020-12-31'} as range_s
select DATE '2020-01-01' + x::INTEGER as d from range(3) t(x)
select year(DATE '2024-06-30') as y, dayofweek(DATE '2024-06-30') as dow, DATE '2024-06-30' - DATE '2024-01-01' as diff
select '5877642-06-25 (BC)'::DATE as min_date, '5881580-07-10'::DATE as max_date
-- time and time with time zone
select TIME '12:34:56' as t, '00:00:00'::TIME as midnight, '23:59:59'::TIME as last
select TIME '12:34:56.789' as ms, TIME '12:34:56.123456' as us, TIME '01:02:03.5' as half
select '24:00:00'::TIME as end_of_day
select TIMETZ '10:00:00+05:30' as plus, TIMETZ '10:00:00-08' as minus
select TIMETZ '12:34:56.789+00' as utc_frac, TIMETZ '23:59:59-15:59' as far_west
select '10:11:12+01'::TIMETZ as cast_tz, '10:11:12.000001-00:30'::TIMETZ as micro_tz
select [TIME '01:00:00', TIME '13:30:15.25'] as lt, [TIMETZ '01:00:00+02'] as ltz
select {'open': TIME '09:00', 'close': TIME '17:30:00.5'} as hours
select NULL::TIME as nt, NULL::TIMETZ as ntz
select TIME '10:00:00' + INTERVAL 90 MINUTE as later, make_time(1, 2, 3.5) as made
-- timestamps of all precisions
select TIMESTAMP '2024-01-15 10:30:00' as ts, '2024-01-15 10:30:00.123456'::TIMESTAMP as ts_us
select '2024-01-15 10:30:00'::TIMESTAMP_S as ts_s, '2024-01-15 10:30:00.987654'::TIMESTAMP_S as ts_s_trunc
select '2024-01-15 10:30:00.123'::TIMESTAMP_MS as ts_ms, '2024-01-15 10:30:00.123999'::TIMESTAMP_MS as ts_ms_trunc
select '2024-01-15 10:30:00.123456789'::TIMESTAMP_NS as ts_ns, TIMESTAMP_NS '2020-01-01 00:00:00.000000001' as one_ns
select 'infinity'::TIMESTAMP as pinf, '-infinity'::TIMESTAMP as ninf
select 'infinity'::TIMESTAMP_S as s, 'infinity'::TIMESTAMP_MS as ms, 'infinity'::TIMESTAMP_NS as ns
select '1970-01-01 00:00:00'::TIMESTAMP as epoch, '1969-12-31 23:59:59.999999'::TIMESTAMP as before
select '0001-01-01 00:00:00'::TIMESTAMP as first, '9999-12-31 23:59:59.999999'::TIMESTAMP as last
select '0044-03-15 (BC) 12:00:00'::TIMESTAMP as bc_ts, '-0043-03-15 12:00:00'::TIMESTAMP as neg_year_ts
select '2024-02-29'::TIMESTAMP as date_only, '2024-02-29T08:09:10'::TIMESTAMP as t_sep
select TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 DAY as plus_day, TIMESTAMP '2024-01-01' - INTERVAL '1 microsecond' as minus_us
select date_trunc('hour', TIMESTAMP '2024-05-06 07:08:09') as trunc_h, epoch_ms(1700000000123) as from_ms
select make_timestamp(2024, 1, 2, 3, 4, 5.678901) as made, epoch_ms(0) as epoch_cast
select [TIMESTAMP '2024-01-01 01:02:03', 'infinity'::TIMESTAMP, NULL] as lts
select ['2024-01-01 01:02:03.123456789'::TIMESTAMP_NS] as lns, ['2024-01-01 01:02:03'::TIMESTAMP_S] as ls
select ['2024-01-01 01:02:03.456'::TIMESTAMP_MS] as lms, {'at': '2024-01-01 01:02:03.000000001'::TIMESTAMP_NS} as sns
select TIMESTAMP '2024-01-01' + to_hours(x) as ts from range(3) t(x)
select '2262-04-11 23:47:16.854775'::TIMESTAMP_NS as max_ns, '1677-09-22 00:00:00.000000001'::TIMESTAMP_NS as early_ns
-- timestamptz literals
select TIMESTAMPTZ '2020-01-01 10:00:00+00' as utc
select TIMESTAMPTZ '2020-01-01 10:00:00+05' as plus5, TIMESTAMPTZ '2020-01-01 10:00:00-08:30' as minus830
select '2020-06-15 12:34:56.789+02'::TIMESTAMPTZ as frac, '2020-06-15 12:34:56.123456+00'::TIMESTAMPTZ as micros
select 'infinity'::TIMESTAMPTZ as pinf, '-infinity'::TIMESTAMPTZ as ninf
select [TIMESTAMPTZ '2020-01-01 10:00:00+00', NULL] as ltz, {'at': TIMESTAMPTZ '2021-03-04 05:06:07+01'} as stz
select TIMESTAMPTZ '1970-01-01 00:00:00+00' as epoch_tz, NULL::TIMESTAMPTZ as ntz
select TIMESTAMPTZ '2020-01-01 00:00:00+00' as a, TIMESTAMP '2020-01-01 00:00:00' as b, DATE '2020-01-01' as c
-- interval
select INTERVAL 1 YEAR as y, INTERVAL 2 MONTH as m, INTERVAL 3 DAY as d
select INTERVAL '1 year 2 months 3 days 04:05:06.789' as mixed
select INTERVAL '-1 year' as neg_year, -INTERVAL '1 day' as neg_day, INTERVAL '-1 year 2 months -3 days' as mixed_signs
select INTERVAL '1 microsecond' as us, INTERVAL '0.000001 second' as us2, INTERVAL '1 millisecond' as ms
select INTERVAL '00:00:00' as zero, INTERVAL '36 hours' as many_hours, INTERVAL '90 minutes' as many_minutes
select INTERVAL '14 months' as over_year, INTERVAL '40 days' as many_days
select INTERVAL '-00:00:01.5' as neg_secs, INTERVAL '1 day -1 second' as day_minus_sec
select to_years(3) as y, to_months(-5) as m, to_days(100) as d, to_microseconds(1500000) as us
select to_hours(10000) as many_h, to_minutes(-61) as neg_min, to_seconds(3.25) as frac_s
select TIMESTAMP '2024-03-01 12:00:00' - TIMESTAMP '2024-01-01 00:00:00' as diff
select [INTERVAL 1 DAY, INTERVAL '-2 hours', INTERVAL '1 year 1 microsecond'] as li
select {'every': INTERVAL 15 MINUTE, 'ttl': INTERVAL '7 days'} as cfg, NULL::INTERVAL as ni
select to_days(x::INTEGER) + to_hours(x) as iv from range(-1, 3) t(x)
select INTERVAL '178000000 years' as huge, INTERVAL '-2147483647 days' as neg_days
-- nulls
select null as b
select NULL as a, NULL as b, NULL as c
select NULL::BOOLEAN as b, NULL::TINYINT as t, NULL::SMALLINT as s, NULL::INTEGER as i
select NULL::BIGINT as b, NULL::HUGEINT as h, NULL::UHUGEINT as uh, NULL::UBIGINT as ub
select NULL::UTINYINT as a, NULL::USMALLINT as b, NULL::UINTEGER as c, NULL::BIGNUM as d
select NULL::DECIMAL(4,1) as d4, NULL::DECIMAL(18,6) as d18, NULL::DECIMAL(38,10) as d38
select NULL::FLOAT as f, NULL::DOUBLE as d, NULL::VARCHAR as v, NULL::BLOB as bl
select NULL::DATE as d, NULL::TIME as t, NULL::TIMESTAMP as ts, NULL::INTERVAL as i
select NULL::TIMESTAMP_S as s, NULL::TIMESTAMP_MS as ms, NULL::TIMESTAMP_NS as ns, NULL::TIMESTAMPTZ as tz
select NULL::UUID as u, NULL::BIT as b, NULL::JSON as j, NULL::TIMETZ as ttz
select NULL::INTEGER[] as l, NULL::STRUCT(a INTEGER) as s, NULL::MAP(VARCHAR, INTEGER) as m
select NULL::UNION(num INTEGER, str VARCHAR) as u, NULL::DOUBLE[2] as a, NULL::VARCHAR[] as lv
select [NULL] as l1, [NULL, NULL] as l2, [1, NULL, 3] as l3
select {'a': NULL} as s1, {'a': NULL, 'b': 1} as s2, {'a': NULL::VARCHAR} as s3
select map(['k'], [NULL]) as m1, MAP {'a': NULL, 'b': 2} as m2
select [NULL::VARCHAR, 'NULL', 'null', ''] as null_like
select NULL as n union all select NULL
select NULL as a, 1 as b union all select NULL, 2 union all select NULL, NULL
select * from (values (NULL::INTEGER), (NULL), (NULL)) t(all_null)
select [[NULL], NULL, []] as nested_nulls, {'x': {'y': NULL}} as deep_null
-- column names
select 1 as "a b", 2 as "x,y", 3 as 集群
select 1 + 1, 'x' || 'y', 42
select 1 as a, 2 as a, 3 as a
select 1 as "a b", 2 as "a b", 3 as "x,y", 4 as "x,y"
select 1 as "say ""hi""", 2 as "it's", 3 as "tab	sep"
select 1 as " ", 2 as "  lead", 3 as "trail  "
select 'v' as "中小企业", 'w' as "😀", 'z' as "a:b=c"
select 1 as "NULL", 2 as "null", 3 as "select"
select x, x as X2, x + 1 from range(2) t(x)
select [1] as "[list]", {'a': 1} as "{struct}", 1 as "k=v"
-- lists of scalars
select [] as empty_list, [1, 2, 3] as ints
select [1::TINYINT, (-128)::TINYINT] as li8, [32767::SMALLINT] as li16, [-1::BIGINT] as li64
select [true, false] as lb, [1.5, 2.25] as ldec, [0.1::DOUBLE, 0.2::DOUBLE] as ldbl
select ['a', 'b', 'c'] as lv, ['with space', ' lead', 'trail '] as spaced
select ['', ' ', NULL] as empty_strings
select ['it''s', 'say "hi"'] as quoted, ['a,b', 'c'] as commas
select ['x' || chr(10) || 'y', 'tab' || chr(9)] as control_chars, ['a\b'] as backslash
select ['NULL', 'null', NULL] as null_words
select ['[1]', '{a}', 'k=v', 'a:b'] as nested_syntax
select ['{''a'': 1}', '[''x'']'] as quoted_syntax, ['(', ')', '(a, b)'] as parens
select ['a' || chr(13) || 'b'] as cr_in_list, [chr(9)] as only_tab, [' '] as only_space
select ['1', '2', '3'] as numeric_strings, ['true', 'false'] as bool_strings
select [DATE '2024-01-01', DATE '2024-12-31'] as ld, [TIME '12:00:00', TIME '00:00:00.5'] as lt
select [INTERVAL 1 DAY, INTERVAL '-1 month'] as li, [TIMESTAMP '2024-01-01 00:00:00'] as lts
select [0.001::DECIMAL(9,3), -0.5::DECIMAL(9,3)] as ldec, [99999999999999999999999999999999999999::DECIMAL(38,0)] as ldec38
select ['nan'::FLOAT, 1e-5::FLOAT, 3.4e38::FLOAT] as lflt, [5e-324::DOUBLE, 1.7976931348623157e308::DOUBLE] as ldbl_extremes
select [100.0::DOUBLE, 123456789012.0::DOUBLE, 1e16::DOUBLE] as whole_doubles
select ['\x00\xFF'::BLOB, 'a\x5Cb'::BLOB] as lblob, ['1010'::BIT] as lbit
select ['550e8400-e29b-41d4-a716-446655440000'::UUID] as luuid, ['{"k":"v"}'::JSON] as ljson
select range(5) as r, range(0) as empty_r, generate_series(1, 3) as gs
select list_value(1, 2) as lv, [x * 2 for x in [1, 2, 3]] as comprehension
select [1, 2, 3][2] as elem, [1, 2, 3][2:3] as slice, len([1, 2, 3]) as length
select list_concat([1], [2, 3]) as cat, list_reverse(['a', 'b']) as rev, list_sort([3, 1, 2]) as sorted
select ['-170141183460469231731687303715884105728'::HUGEINT, 0::HUGEINT] as lhuge, [340282366920938463463374607431768211455::UHUGEINT] as luhuge
select string_split('a,b,,c', ',') as split, str_split('x y', ' ') as split2
select ['中小企业', '集群'] as zh, ['😀', '🎉'] as emoji
select [E'a\nb', E'c\td'] as escaped
select [['a,b'], ['"q"']] as nested_quoted
select ['it''s', 'x''y''z'] as many_single_quotes, ['""', ''''''] as just_quotes
-- nested lists
select [[1, 2], [3]] as ll, [[]] as empty_inner, [[], [1]] as mixed_inner
select [[[1]], [[2, 3], []]] as lll
select [['a', 'b'], ['c']] as llv, [[NULL]] as ll_null
select [[1.5, NULL], NULL] as ll_dec, [[DATE '2024-01-01']] as ll_date
select [[{'a': 1}], [{'a': 2}, {'a': NULL}]] as ll_struct
select [[map([1], ['x'])]] as ll_map, [[[]]] as triple_empty
select [[true], [false, NULL]] as ll_bool, [['']] as ll_empty_str
select [list_value('x', 'y'), []] as lv_mixed, [range(3), range(1)] as ranges
-- lists of structs and maps
select [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}] as ls
select [{'name': 'a,b', 'v': NULL}] as ls_odd, [{'k': [1, 2]}] as ls_list
select [map([1, 2], ['a', 'b']), map([3], ['c'])] as lm
select [MAP {'k': 1}, MAP {}] as lm_empty, [map()] as only_empty_map
select [{'x': 1.5::DOUBLE, 'y': 'nan'::DOUBLE}] as ls_dbl, [row(1, 'a'), row(2, 'b')] as l_rows
select [{'t': TIMESTAMP '2024-01-01 00:00:00', 'd': INTERVAL 1 DAY}] as ls_temporal
select [MAP {'a b': 'c,d'}] as lm_odd, [MAP {'k': NULL}] as lm_null
-- structs named
select {'a': 1, 'b': 'x'} as s
select {'a': 1} as one_field, {'x': 1, 'y': 2, 'z': 3} as three_fields
select {'s': 'hello world', 'e': '', 'n': NULL} as strings
select {'q': 'it''s', 'd': 'say "hi"', 'c': 'a,b'} as quoted_values
select {'a b': 1, 'it''s': 2, 'x"y': 3} as odd_keys
select {'中': '文'} as zh_key, {'k=v': 1, 'a:b': 2} as syntax_keys
select {'nested': {'inner': {'deep': 1}}} as deep
select {'a': {'b': 1, 'c': [1, 2]}, 'd': NULL} as nested_with_list
select {'a': NULL, 'b': NULL} as all_null_fields, {'a': 1, 'b': NULL} as some_null
select {'l': [], 'm': MAP {}, 's': ''} as empties
select {'d': DATE '2024-01-01', 't': TIME '12:00:00', 'ts': TIMESTAMP '2024-01-01 12:00:00'} as temporal
select {'i': INTERVAL '1 year 2 days', 'u': '550e8400-e29b-41d4-a716-446655440000'::UUID} as misc
select {'b': '\x00\x01'::BLOB, 'bits': '101'::BIT, 'j': '{"a":1}'::JSON} as binaryish
select {'h': 170141183460469231731687303715884105727::HUGEINT, 'f': 0.1::FLOAT, 'd': 0.5::DECIMAL(4,1)} as numeric_mix
select {'a': x, 'b': x::VARCHAR || '!'} as s from range(3) t(x)
select struct_pack(k := 'v', n := 1) as packed, {'k': 'v'}.k as extracted
select {'text': 'a' || chr(10) || 'b', 'tab': chr(9)} as control_fields
select {'b': true, 'n': NULL::BOOLEAN} as bool_fields, {'e': 'a'::ENUM('a', 'b')} as enum_field
select {'NULL': 'null'} as null_key, {'x': '[1, 2]', 'y': '{a: 1}'} as syntax_values
-- structs unnamed
select row('a') as r1, row(1, 'b') as r2
select (1, 2) as t2, (1, 'x', NULL) as t3
select (1, 2)::STRUCT(a INTEGER, b INTEGER) as casted
select row(row(1, 2), 'x') as nested_row, row([1, 2], MAP {'k': 1}) as row_complex
select row('a,b', 'c"d', 'it''s') as row_quoted
select row(NULL, NULL) as row_nulls, row('') as row_empty
select [(1, 'a'), (2, 'b')] as list_of_rows
select row(DATE '2024-01-01', 1.5) as row_mixed, row(1)::STRUCT(v INTEGER) as named_one
-- maps
select map([1, 2], ['a', 'b']) as m
select MAP {'k': 1} as m1, MAP {'a': 1, 'b': 2} as m2
select map() as empty_map, MAP {} as empty_map2
select map(['k'], [NULL::INTEGER]) as null_val, MAP {'a': NULL} as null_val2
select MAP {'a': [1, 2], 'b': []} as map_of_lists
select MAP {'x': {'p': 1}, 'y': {'p': NULL}} as map_of_structs
select MAP {'a b': 'c d', 'e,f': 'g,h'} as spaced_keys
select MAP {'k=v': 'x=y', 'a:b': '{c}'} as syntax_keys
select MAP {'q': 'it''s', 'dq': 'say "hi"'} as quoted_values
select MAP {1.5: 'x', -0.5: 'y'} as dec_keys, MAP {DATE '2024-01-01': 1} as date_keys
select MAP {'nested': MAP {'inner': 1}} as map_of_maps
select map_from_entries([('k1', 10), ('k2', 20)]) as from_entries, map_keys(MAP {'a': 1}) as keys
select MAP {true: 'yes', false: 'no'} as bool_keys, MAP {1::BIGINT: 1e16::DOUBLE} as dbl_value
select MAP {'中': '文', '😀': '🎉'} as unicode_map
select MAP {'': ''} as empty_strings, MAP {'NULL': NULL} as null_word_key
select map([[1], [2]], ['a', 'b']) as list_keys, MAP {'t': TIMESTAMP '2024-01-01 00:00:00'} as ts_value
select MAP {x: x * x} as squares from range(3) t(x)
-- union
select union_value(num := 1) as u
select union_value(str := 'x') as u
select 1::UNION(num INTEGER, str VARCHAR) as un, 'x'::UNION(num INTEGER, str VARCHAR) as us
select union_value(txt := 'a,b "c"') as quoted_union, union_value(d := 1.5::DOUBLE) as dbl_union
select [union_value(num := 1), union_value(num := 2)] as list_union
select {'u': union_value(flag := true)} as struct_union
select union_value(l := [1, 2]) as list_member, union_value(s := {'a': 1}) as struct_member
select union_tag(union_value(num := 1)) as tag, union_extract(union_value(num := 7), 'num') as val
select NULL::UNION(num INTEGER, str VARCHAR) as null_union, union_value(n := NULL::INTEGER) as null_member
-- fixed-size arrays
select [1, 2, 3]::INTEGER[3] as a
select [1.5, 2.5]::DOUBLE[2] as ad, ['a', 'b,c']::VARCHAR[2] as av
select NULL::INTEGER[3] as null_array, [NULL, 1]::INTEGER[2] as array_with_null
select array_value(1, 2, 3) as av, array_value('x', 'y') as av_str
select [[1, 2], [3, 4]]::INTEGER[2][2] as nested_array
select [0.1, 1e16, 'nan']::DOUBLE[3] as special_doubles
select ['it''s', '"q"', '']::VARCHAR[3] as quoted_array
select [[1, 2]::INTEGER[2], [3, 4]::INTEGER[2]] as list_of_arrays
select {'arr': [1.5, 2.5]::FLOAT[2]} as struct_array, [true, false]::BOOLEAN[2] as bool_array
select array_value(DATE '2024-01-01', DATE '2024-01-02') as date_array, [1, 2]::DECIMAL(4,1)[2] as dec_array
select array_cosine_similarity([1, 0]::FLOAT[2], [0, 1]::FLOAT[2]) as cos, [x, x + 1]::BIGINT[2] as pair from range(2) t(x)
-- mixed types per row
select 1 as i, 'a' as s, 1.5 as d, true as b, NULL as n
select 42::TINYINT as t, 'x,y' as s, DATE '2024-01-01' as d, [1, 2] as l
select {'a': 1} as s, MAP {'k': 'v'} as m, [1.5] as l, union_value(n := 1) as u
select 'it''s' as q, '"' as dq, chr(10) as nl, '中小企业' as zh, '😀' as emoji
select 'nan'::DOUBLE as nan, 'inf'::FLOAT as inf, -0.0::DOUBLE as nz, 1e-300::DOUBLE as tiny
select '\x00'::BLOB as bl, '1'::BIT as bit, '00000000-0000-0000-0000-000000000000'::UUID as u, '{}'::JSON as j
select TIMESTAMP_NS '2024-01-01 00:00:00.000000001' as ns, TIMETZ '10:00:00+01' as ttz, INTERVAL '1 microsecond' as us
select 340282366920938463463374607431768211455::UHUGEINT as uh, '-170141183460469231731687303715884105728'::HUGEINT as h, 18446744073709551615::UBIGINT as ub
select 0.001::DECIMAL(9,3) as d9, -0.5::DECIMAL(18,6) as d18, 0::DECIMAL(38,0) as d38, 1.0::DECIMAL(4,1) as d4
select [{'k': MAP {'x': [1, 2]}}] as deep_mix, {'l': [{'m': MAP {'a': NULL}}]} as deeper
select 'a' as "a b", 1.5::FLOAT as "x,y", DATE '2024-01-01' as 集群, 1 + 2
select ['a', NULL] as l, {'x': NULL} as s, MAP {'k': NULL} as m, NULL::INTEGER[2] as arr
select 'infinity'::DATE as d, 'infinity'::TIMESTAMP as ts, 'inf'::DOUBLE as dbl, 'infinity'::TIMESTAMPTZ as tz
select '0044-03-15 (BC)'::DATE as bc, '0001-01-01'::DATE as ad1, INTERVAL '-1 year -1 day' as neg
select true::INTEGER as b2i, 3.7::INTEGER as rounded, '42'::BIGINT as parsed, 1.5::VARCHAR as d2s
select 0.1::FLOAT::VARCHAR as f2s, 1e16::DOUBLE::VARCHAR as d2s, [1, 2]::VARCHAR as l2s, {'a': 1}::VARCHAR as s2s
select MAP {'a': 1}::VARCHAR as m2s, DATE '2024-01-01'::VARCHAR as dt2s, '\x00'::BLOB::VARCHAR as b2s
-- multi-row
select * from range(5) t(x)
select x, x * x as sq, x::DOUBLE / 3 as third, 'v' || x as label from range(5) t(x)
select x, x % 2 = 0 as even, CASE WHEN x % 2 = 0 THEN NULL ELSE x END as odd_or_null from range(6) t(x)
select * from (values (1, 'a'), (2, 'b'), (3, NULL)) t(id, name)
select * from (values (1, NULL, 'x'), (NULL, 2.5, NULL), (NULL, NULL, NULL)) t(a, b, c)
values (1, 'one'), (2, 'two')
values ('a,b', 'c"d'), ('e' || chr(10) || 'f', 'g' || chr(9) || 'h'), ('', NULL)
from (values (true, DATE '2024-01-01'), (false, NULL), (NULL, 'infinity'::DATE)) t(flag, day)
select * from (values ([1, 2], {'a': 1}), ([], {'a': NULL}), (NULL, NULL)) t(l, s)
select * from (values (MAP {'k': 1}), (MAP {}), (NULL)) t(m)
select * from (values (0.1::DOUBLE), ('nan'::DOUBLE), ('-inf'::DOUBLE), (-0.0::DOUBLE), (NULL)) t(d)
select * from (values ('NULL'), ('null'), (NULL), (''), (' ')) t(s)
select unnest([1, 2, 3]) as u, 'const' as c
select unnest(['a', 'b,c', NULL]) as u
select unnest([{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}], recursive := true)
select unnest([[1, 2], [3]]) as inner_list
select generate_series as g, g * 1.5 as d from generate_series(1, 4)
with t as (select x, x * 10 as y from range(3) t(x)) select x, y, x + y as total from t
with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select n, n * n as sq from r
select x, [x, x + 1] as l, {'v': x} as s, MAP {'k': x} as m from range(3) t(x)
select x, x::DECIMAL(9,3) / 4 as dec, to_days(x::INTEGER) as iv, DATE '2024-01-01' + x::INTEGER as day from range(4) t(x)
select 'a' as k, 1 as v union all select 'b', NULL union all select NULL, 3
select 1 as a, 'x' as b union all select NULL, NULL union all select 3, 'z'
select x, repeat('*', x::INTEGER) as bar from range(0, 4) t(x)
select * from (values (1::HUGEINT), ('-170141183460469231731687303715884105728'::HUGEINT), (NULL)) t(h)
select * from (values (TIMESTAMP_NS '2024-01-01 00:00:00.000000001'), (NULL), ('infinity'::TIMESTAMP_NS)) t(ts)
select * from (values (union_value(n := 1)), (NULL)) t(u)
select * from (values ('中小企业', '集群'), ('😀', '🎉')) t("列一", "a b")
select x, lag(x) over (order by x) as prev, sum(x) over (order by x) as running from range(4) t(x) order by x
select x // 2 as grp, count(*) as cnt, sum(x) as total from range(6) t(x) group by grp order by grp
select list(x order by x) as l, string_agg(x::VARCHAR, ',' order by x) as s from range(4) t(x)
