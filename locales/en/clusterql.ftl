# clusterql's words in English. Every key here exists in zh-CN/clusterql.ftl
# too (a test checks it). Placeables are { $name }; a literal brace is {"{"}.

## --help: the command

cli-about = Analytics on China's SME industrial clusters with local features, on embedded DuckDB
cli-after-help =
    Without -c, -f or a subcommand: an interactive shell, or a script read from stdin when stdin is not a terminal.

    Examples:
      clusterql -c "from briefing_headline(2023)"          the June 2023 figures (2022: April)
      clusterql --format csv -c "from cluster_profile" > p.csv
      clusterql -f queries.sql -o result.xlsx              a saved query file into a workbook
      clusterql check                                      the briefing's claims, published vs computed
      clusterql views                                      the view library
      clusterql --db clusters.duckdb load reports.csv --table cluster_reports
      clusterql --lang zh --labels -c "from briefing_headline()"
      clusterql                                            the interactive shell (.help lists its commands)

arg-database = DuckDB database file (created with the bundled dataset if missing); default: in memory
arg-db = Database file, the same as DATABASE, for use with subcommands
arg-commands = Run SQL (one or more statements) and exit; repeatable, mixes with -f in order
arg-files = Run a saved query file ("-" is stdin); repeatable, mixes with -c in order
arg-empty = Start without the bundled dataset
arg-readonly = Open the database file read-only
arg-sandbox = SQL may not read or write files, nor change that setting
arg-format = Output format (default: table, or what the -o file's extension says)
arg-output = Write results to this file instead of stdout
arg-max_rows = Rows a table shows before eliding the middle (default 40 on a terminal)
arg-vars = Set a variable that SQL reads as getvariable('NAME'); repeatable
arg-keep_going = In a batch, report an error and go on with the next statement
arg-quiet = No messages on stderr but errors
arg-no_init = Do not run ~/.clusterqlrc when the shell starts
arg-ascii = Draw tables with ASCII characters
arg-encoding = Text encoding: of the CSV files `load` reads (auto detects UTF-8, UTF-16 or GB18030), or of csv and tsv output (utf-8 or gb18030, for systems that demand GBK)
arg-bom = Start csv and tsv output with a UTF-8 byte-order mark, so that Excel reads it as UTF-8
arg-lang = Language of the interface: zh or en (default: CLUSTERQL_LANG, else the locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
arg-labels = Show result columns that the data dictionary knows by their title in the interface's language (table, markdown, line, xlsx; csv, tsv, json and parquet keep the names)
arg-storage_version = Storage version of a database file clusterql creates
arg-help = Print help
arg-version = Print version

## --help: the subcommands

cmd-run-about = Run saved query files, the same as -f for each FILE
cmd-run-after-help =
    Examples:
      clusterql run daily.sql weekly.sql
      clusterql --db clusters.duckdb --format csv run report.sql > report.csv
cmd-run-arg-files = Query files, run in order

cmd-load-about = Load CSV, Parquet or spreadsheet files (globs, folders) into a table, validated, all or nothing
cmd-load-after-help =
    A refused load changes nothing and exits with 4.

    Examples:
      clusterql --db clusters.duckdb load reports_2025.csv --table cluster_reports
      clusterql --db clusters.duckdb load 名单.xlsx --sheet 2 --table enterprises
      clusterql --db clusters.duckdb load 'data/*.parquet' --table enterprises --replace
cmd-load-arg-paths = Files, globs or folders to load
cmd-load-arg-table = The schema table to load into (with --create: the name of your new table)
cmd-load-arg-create = Make a new table of your own from the file (a yearbook, a firm list): headers as written, types as DuckDB's sniffer reads the cleaned values, units as column comments; refused if the table exists, unless --replace
cmd-load-arg-replace = Replace the table's rows instead of adding to them
cmd-load-arg-append = Add to the table's rows (the default)
cmd-load-arg-ignore_extra = Skip columns the table does not have instead of refusing them
cmd-load-arg-no_id_check = Load enterprise ids that are not unified social credit codes (a roster keyed by other identifiers); by default every enterprise_id must pass GB 32100's check characters
cmd-load-arg-sheet = The sheet of a spreadsheet (.xlsx, .xls, .ods) to load: its name, or its number from 1 (default: the first)
cmd-load-arg-maps = Read the file's column HEADER into the table's COLUMN (a header that names no column or title); repeatable
cmd-load-arg-units = The unit of a column whose header names none (money: 元, 万元, 亿元…); repeatable
cmd-load-arg-header_row = The row of a spreadsheet that names the columns, from 1 (default: found among the first rows, title rows above it skipped)

cmd-check-about = The published claims (the April 2023 briefing, the June 2023 update), published against computed; exit 3 if any fails (errata are listed apart)
cmd-check-after-help =
    Examples:
      clusterql check
      clusterql check --source cctv-2023-06
      clusterql --format csv check > claims.csv
cmd-check-arg-sources = Only the claims of this source (a `source_key` of briefing_claims); repeatable

cmd-views-about = The view library, one line per view
cmd-views-after-help =
    Examples:
      clusterql views
      clusterql --lang zh views
      clusterql --format json views

cmd-generate-about = Write the synthetic dataset (every table) to a folder
cmd-generate-after-help =
    Examples:
      clusterql generate --out /tmp/bundled
      clusterql generate --out /tmp/big --scale national
      clusterql generate --out /tmp/csv --roster-format csv --seed 7
cmd-generate-arg-out = Folder to write into (created if missing)
cmd-generate-arg-scale = Roster size: a multiple of the bundled data (1 = 440 clusters, 102,875 SMEs in 2022 of which the first batch's 28,460, 133,653 roster rows over 2019-2025), or `national` for about 52 million SMEs in 2022, China's SME population. Counts and money scale; shares and growth do not, so `check`'s counts hold only at 1
cmd-generate-arg-seed = Seed; the same seed gives the same data
cmd-generate-arg-roster_format = File format of the roster and honors (the small tables are always CSV)

cmd-completions-about = A completion script for a shell, on stdout
cmd-completions-after-help =
    Examples:
      clusterql completions bash > ~/.local/share/bash-completion/completions/clusterql
      clusterql completions zsh > ~/.zfunc/_clusterql
      clusterql completions fish > ~/.config/fish/completions/clusterql.fish
cmd-completions-arg-shell = The shell

cmd-man-about = The manual page (roff), on stdout
cmd-man-after-help =
    Examples:
      clusterql man > clusterql.1 && man ./clusterql.1
      clusterql --lang zh man > clusterql.zh.1

cmd-help-about = Print this message or the help of the given subcommand

heading-arguments = Arguments
heading-options = Options
heading-global-options = Global options
heading-commands = Commands
help-usage-heading = Usage:
help-possible-values = {" "}[possible values: { $values }]
help-default = {" "}[default: { $value }]

## Usage errors (exit 2)

usage-unknown-argument = unexpected argument '{ $arg }'
usage-unknown-subcommand = unrecognized subcommand '{ $name }'
usage-invalid-value = invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
usage-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
usage-missing-argument = the following required arguments were not provided: { $arg }
usage-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
usage-unexpected-value = unexpected value '{ $value }'
usage-value-missing = a value is required for '{ $arg }' but none was supplied
usage-no-equals = equal sign is needed when assigning values to '{ $arg }'
usage-did-you-mean = tip: a similar one exists: '{ $suggested }'
usage-more-information = For more information, try '--help'.
usage-does-not-apply = { $flag } does not apply to `{ $subcommand }`
usage-binary-format-for-text = Parquet, xlsx and dta do not apply to `{ $subcommand }`, which prints text: choose csv, json or another --format
usage-report-writes-html = `report` writes an HTML page: give -o FILE.html, or none for stdout
usage-variable-no-equals = expected NAME=VALUE, got '{ $text }'
usage-variable-bad-name = '{ $name }' is not a variable name (letters, digits and _)
usage-bad-lang = '{ $text }' is not a language: zh or en

hint-prints-text = ; it writes its text to stdout
hint-generate-format = ; the roster's file format is --roster-format parquet|csv
hint-generate-output = ; the folder to write is --out DIR
hint-generate-db = ; generate writes files, not a database
hint-load-bom = ; a BOM is for csv and tsv output
hint-load-format = ; load reads CSV, Parquet or a spreadsheet by the file's extension
hint-load-output = ; load writes into the database (--db PATH)
hint-load-readonly = ; load writes into the database
hint-load-sandbox = ; load reads files, which --sandbox forbids
hint-load-sql = ; run SQL after the load in a second call
hint-load-keep-going = ; a load is all or nothing
hint-views-db = ; views lists the library itself, whatever the database

## Errors

error-output = cannot write output: { $reason }
error-claims-failed = claims that do not hold: { $claims }
error-interrupted = interrupted
error-statements-failed = { $count ->
    [one] 1 statement failed
   *[other] { $count } statements failed
}

# The line every error is printed on, and a failed statement's parts.
error-line = error: { $message }
error-sql = { $location }: { $message }
# English keeps DuckDB's own class word, which starts its message.
error-sql-classed = { $location }: { $message }
error-hint = hint: { $hint }

## DuckDB's error classes, named in the session's language beside DuckDB's English

sql-class-catalog = catalog error
sql-class-parser = parser error
sql-class-binder = binder error
sql-class-conversion = conversion error
sql-class-constraint = constraint error
sql-class-io = input/output error
sql-class-out-of-memory = out of memory
sql-class-invalid-input = invalid input
sql-class-out-of-range = out of range
sql-class-not-implemented = not implemented
sql-class-permission = permission error
sql-class-transaction = transaction error
sql-class-dependency = dependency error
sql-class-type = type error
sql-class-syntax = syntax error
sql-class-sequence = sequence error
sql-class-serialization = serialization error
sql-class-internal = internal error

## Hints under a failed statement

hint-no-table = no table or view is named { $name }; .tables lists the tables, `clusterql views` the view library
hint-no-table-closest = no table or view is named { $name }; the closest: { $closest }; .tables lists the tables, `clusterql views` the view library
hint-table-macro = { $name } is a table macro of the view library: call it with its arguments, { $name }(…); `clusterql views` shows them
hint-no-column = { $table } has no column { $name }; .describe { $table } lists its { $count } columns
hint-no-column-closest = { $table } has no column { $name }; the closest: { $closest }; .describe { $table } lists its { $count } columns
hint-conversion = '{ $value }' cannot be read as { $target }
hint-conversion-title = '{ $value }' cannot be read as { $target }, the type of { $column } ({ $title })
hint-conversion-unit = '{ $value }' cannot be read as { $target }, the type of { $column } ({ $title } in { $unit }, written as a plain number)
hint-conversion-share = '{ $value }' cannot be read as { $target }, the type of { $column } ({ $title }, a fraction from 0 to 1: 35.2 % is written 0.352)
hint-check = { $table } requires that { $rule }
rule-between = { $column } is between { $low } and { $high }
rule-share = { $column } is a share between { $low } and { $high } (35.2 % is written 0.352)
rule-at-least = { $column } is at least { $value }
rule-above = { $column } is above { $value }
rule-at-most = { $column } is at most { $value }
rule-below = { $column } is below { $value }
rule-equal = { $column } equals { $value }
rule-one-of = { $column } is one of { $values }
rule-pattern = { $column } matches the pattern { $pattern }
rule-length = { $column } is { $length } characters long
rule-as-written = { $expression } holds

## The shell: dot commands (.help shows these)

dot-help = this list
dot-tables = tables and views, with their row counts for tables
dot-views = the view library with what each view answers
dot-schema = CREATE statements, of NAME or of everything
dot-describe = columns, types and descriptions of a table or view
dot-mode = output format: table csv tsv json jsonl markdown line bar
dot-output = send results to FILE, or back to the terminal
dot-once = send the next result to FILE
dot-read = run the statements of FILE
dot-timer = show how long each statement took
dot-maxrows = rows a table shows before eliding the middle (0: all)
dot-nullvalue = how NULL is shown in tables
dot-last = run the last query again and show all its rows
dot-pager = page results through $PAGER (else less -SRXF); auto: when taller than the screen
dot-load = load a CSV, Parquet or spreadsheet file (or folder, or glob) into a table, all or nothing
dot-check = the briefing's claims, published against computed
dot-open = open a database file (created with the bundled data)
dot-quit = leave the shell (also .exit or Ctrl-D)
dot-usage = usage: { $usage }
dot-unknown-format = unknown format '{ $format }'; { $usage }
dot-mode-parquet = parquet is written to a file: use -o FILE.parquet on the command line
dot-unknown-near = unknown command .{ $name }; did you mean .{ $near }? (.help lists them)
dot-unknown = unknown command .{ $name } (.help lists them)

## The shell

shell-banner =
    clusterql { $version } on { $database }
    Enter SQL ending with ';', .help for commands, .views for the view library, Ctrl-D to leave.
shell-empty-memory = an empty in-memory database
shell-bundled-memory = an in-memory database over the bundled dataset (synthetic, see data/README.md)
shell-run-time = run time: { $seconds } s
shell-no-last-query = no query has returned rows yet
shell-opened = opened { $path }

## Tables and progress

table-rows = { $n ->
    [one] { $rows } row
   *[other] { $rows } rows
}
table-shown = {" "}({ $shown } shown)
table-hidden-columns = { $n ->
    [one] , 1 column hidden (use a wider terminal or --format line)
   *[other] , { $n } columns hidden (use a wider terminal or --format line)
}
table-elided = … { $rows } rows …
progress-cancel-hint = (Ctrl-C cancels)

## check

check-no-such-source = --source { $source }: no such source (one of { $known })
check-heading = { $key }, report year { $year }: { $source }
check-errata-heading = Errata: figures a source got wrong, listed apart; they never fail `check`
check-all-hold = { $n ->
    [one] 1 claim: all hold
   *[other] { $n } claims: all hold
}
check-some-fail = { $n } claims: { $held } hold, { $failed } fail ({ $claims })
check-errata-apart = { $n ->
    [one] ; 1 erratum listed apart
   *[other] ; { $n } errata listed apart
}
check-column-claim = claim
check-column-source = source
check-column-report-year = report_year
check-column-statement = statement
check-column-published = published
check-column-computed = computed
check-column-verdict = verdict
check-unknown = unknown
check-erratum = erratum
check-erratum-corrected = erratum: { $value }
check-holds = holds
check-fails = FAILS
check-odd = { $value }-odd
check-points = { $value } pt
check-money = { $value } bn yuan

source-scio-2023-04-20-zh = SCIO press conference 2023-04-20, Chinese original (China News Service; Shanghai Securities News)
source-scio-2023-04-20-en = SCIO press conference 2023-04-20, English transcript (china.org.cn)
source-cctv-2023-06 = CCTV News, June 2023 update (via Securities Times)
source-miit-2025-review = MIIT, the 2025 review of the 2022 clusters with the 2025 list (November 2025)
claim-note-scio-2023-04-20-en-C02 = translation error: the Chinese original says 2.8万多家 (万 = 10,000), 28,000-odd; checked as C02 of scio-2023-04-20-zh

## load

load-reading-sheet = { $file }: reading sheet { $sheet }
load-reading-encoding = { $file }: reading { $encoding } text ({ $how })
load-encoding-asked = as asked
load-encoding-detected = detected
load-not-a-schema-table = --table { $table }: not a table of the schema (one of { $known })
load-not-a-table-here = { $table } is not a table in this database (the in-memory session shows the bundled roster as views): load into a database file, --db PATH
load-no-such-file = { $file }: no such file
load-row-numbers-dropped-own = { $header }: the rows' numbers (1 to n), not loaded
load-own-no-columns = { $file }: no column to load
load-create-reserved = { $table } is a table or view of clusterql's own: choose another name for your table
load-create-exists = a table { $table } exists already: --replace replaces it, or choose another name
load-own-unit = { $header }: unit { $unit }, kept as the column's comment
load-created = created { $table }: { $rows } rows, { $columns } columns
load-empty-folder = { $folder }: no file that load reads (CSV, TSV, Parquet, xlsx, xls, ods) in this folder
load-bad-glob = { $pattern }: not a pattern of files: { $reason }
load-glob-matched-nothing = { $pattern }: no file matches
load-mixed-formats = these files are of different formats and cannot be read as one table: { $alike } | { $others }; load each kind with its own command
load-and-more-files = { " " }and { $count } more
load-file-rows = { $file }: { $rows } rows
load-columns-other-files-fill = { $file }: lacks { $columns }, which other files of this load fill; its rows get NULL there
load-looks-like-gbk = it looks like GBK/GB18030; convert it with: iconv -f GB18030 -t UTF-8 { $file } > converted.csv
load-convert-to-utf8 = convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 { $file } > converted.csv
load-not-utf8 = the file is not UTF-8 text; { $guess }
load-parquet-corrupt = {" "}(the Parquet file is truncated or corrupt)
load-missing-column = missing required column '{ $column }' ({ $type })
load-and-joiner = {" and "}
load-column-named-twice = columns { $headers } all name '{ $column }'; keep one
load-at-header = column '{ $header }': { $problem }
load-header-unknown = names no column of { $table } (--map '{ $header }=COLUMN' reads it into one; --ignore-extra skips it)
load-header-unknown-suggest = names no column of { $table }: did you mean '{ $suggestion }' ({ $column })? (--map '{ $header }=COLUMN' reads it into a column; --ignore-extra skips it)
load-money-without-unit = money needs its unit: write it in the header, as '{ $example }', or give --unit { $column }=UNIT (units: { $units })
load-unknown-unit = '{ $unit }' is not a unit clusterql knows (units of this column: { $units })
load-unit-does-not-fit = '{ $unit }' does not fit { $column }, which is measured in { $own } (units: { $units })
load-unit-for-unitless = { $column } takes no unit, and the header gives '{ $unit }'
load-unit-disagrees = the header says '{ $written }' and --unit says '{ $asked }'
load-not-whole = column '{ $column }': '{ $value }' is not a whole number of { $unit }: a count is not split
load-not-whole-meant = column '{ $column }': '{ $value }' is not a whole number of { $unit }: a count is not split. If the values are in { $meant } (it would be { $number }), write the unit in the header, as { $title }（{ $meant }）
load-unit-stated-at-line = { $written }, line { $line }
load-unit-stated-at-cell = { $written }, { $cell }
load-stated-units-disagree = the units stated above the table disagree: { $one } and { $other }; write the unit in the header, or correct one of them
load-stated-units-disagree-files = the units stated above the tables disagree: { $one } ({ $file_one }) and { $other } ({ $file_other }); write the unit in the headers, or correct one of them
load-stated-unit-not-in-all = { $file_one } states { $one } above its table and { $silent } states no unit, so its values would be read in the same unit; load the files one at a time, or write the unit in the headers
load-natural-unit = { $header } → { $column }, read in { $unit } (the header names no unit)
load-percent-as-fraction = it holds { $value }, between -1 and 1: a spreadsheet keeps a cell formatted as a percent as its fraction (35.2 % as 0.352), and the cells' formats of an .xls file are not read, so it could load a hundred times too small. Save the sheet as .xlsx or .ods, or type percents as numbers (35.2)
load-row-numbers-dropped = { $header }: the rows' numbers, 1 to { $rows }, not loaded
load-row-numbers-not = holds more than the rows' numbers 1, 2, 3 …, and names no column of { $table } (--map '{ $header }=COLUMN' reads it into one; --ignore-extra skips it)
load-key-value = '{ $text }': expected KEY=VALUE
load-wrong-type = column '{ $column }': '{ $value }' is not a { $type }
load-empty-required = column '{ $column }' is empty but required
load-duplicate-key = duplicate key { $key } = '{ $value }' within the loaded files
load-also-at = {" "}(also at { $places })
load-key-exists = key { $key } = '{ $value }' is already in { $table } (use --replace?)
load-missing-reference = column '{ $column }': '{ $value }' is not in { $target }
load-bad-credit-code = column '{ $column }': '{ $value }' is not a unified social credit code: { $reason } (to load ids of another kind: --no-id-check)
credit-code-length = it has { $count } characters, not 18
credit-code-character = character { $position } is '{ $found }', which no code uses (digits and capitals other than I, O, S, V, Z)
credit-code-division = character { $position } is '{ $found }', where the division code (characters 3-8) has digits
credit-code-check = it ends in '{ $found }' and should end in '{ $expected }'
credit-code-organization-check = character 17, the organization code's check character, is '{ $found }' and should be '{ $expected }'
load-replace-strands = { $count ->
    [one] --replace would leave 1 row of { $referrer } referring to a missing { $column } (e.g. '{ $example }'); replace { $referrer } first or load the missing rows too
   *[other] --replace would leave { $count } rows of { $referrer } referring to a missing { $column } (e.g. '{ $example }'); replace { $referrer } first or load the missing rows too
}
load-checking-rule = checking { $rule }: { $reason }
load-written-as = written
load-breaks-rule = breaks the rule { $rule }
load-breaks-rule-found = breaks the rule { $rule }: { $found }
load-write-failed = { $table }: { $reason }; nothing was written
load-rejected = { $count ->
    [one] load rejected, the database is unchanged (1 problem):
   *[other] load rejected, the database is unchanged ({ $count } problems):
}
load-and-more = … and { $count } more
load-needs-database = load writes into a database file: give one with --db PATH
load-loaded = { $rows ->
    [one] loaded 1 row into { $table }
   *[other] loaded { $rows } rows into { $table }
}

## generate

generate-summary = wrote { $rows } roster rows ({ $smes } SMEs in 2022, scale { $scale }) and { $honors } honors to { $out } in { $seconds } s ({ $millions } million roster rows a second)

## Output, engine, encodings, sheets, scripts

output-format-needs-file = --format { $format } writes a file: give it with -o PATH
output-encoding = --encoding { $encoding }: output is written in UTF-8, or in GB18030 for csv and tsv
output-bom = --bom: a UTF-8 byte-order mark is for csv and tsv output (--format csv)
engine-readonly-memory = --readonly needs a DATABASE file; the in-memory database is private to this run
engine-locked = database is locked: another process has it open for writing
engine-not-duckdb = not a DuckDB database file (a CSV or Parquet file goes in with `load`)
engine-newer-duckdb = written by a newer DuckDB than clusterql's; open it there and EXPORT DATABASE, or upgrade clusterql
encoding-unknown = '{ $text }' is not an encoding clusterql reads: utf-8, utf-16, utf-16be, gb18030 (also for GBK and GB2312) or auto
encoding-foreign = not UTF-8, UTF-16 or GB18030 text (it looks like { $guess }); convert it, e.g. iconv -f { $guess } -t UTF-8, or name its encoding with --encoding
encoding-invalid-script = not valid { $encoding } text; convert it, e.g. iconv -f { $encoding } -t UTF-8 { $file }
encoding-invalid-byte = not valid { $encoding } text (byte { $bytes }); nothing was loaded
sheet-unreadable = not a readable workbook ({ $reason })
sheet-missing = no sheet { $sheet } (it has { $names })
sheet-none = no sheet at all
sheet-empty = sheet { $sheet } is empty
sheet-empty-header = the header cell is empty (a merged or missing column name)
sheet-error-cell = the cell holds an error ({ $error }), not a value
sheet-row-after-end = a row under the table, which ends at its first empty row ({ $end }); delete the empty rows to load it, or move it away
sheet-no-header-row = sheet { $sheet }: row { $row } holds nothing to name the columns
load-sheet-skipped = { $file } { $sheet }: above the table, not loaded: { $text }
load-sheet-note = { $file } { $note } (a note under the table, not loaded)
load-csv-skipped = { $file }: above the table, not loaded: { $text }
load-csv-note = { $file }: { $note } (a note under the table, not loaded)
load-csv-row-after-end = '{ $text }' is under the table, which ends at its first empty line or note: delete the empty lines to load it, or move it away
load-csv-no-header-line = --header-row: this line names no columns
load-map-unused = --map '{ $header }=…': the file has no header '{ $header }'
load-unit-unused = --unit '{ $column }=…': no header of the file fills { $column }
batch-parquet-one-result = a { $format } file holds one result, and { $file } already has one
batch-read-as = { $file }: read as { $encoding } text
session-library-not-installed = warning: the view library was not installed, the database's own views are left as they are: { $error }
dataset-incomplete = bundled dataset incomplete in { $dir } (missing { $missing }): set CLUSTERQL_DATA to its folder, or use --empty
xlsx-write-failed = writing the workbook: { $reason }
xlsx-too-many-rows = a result of more than { $rows } rows does not fit an Excel sheet ({ $sheet_rows } rows, header included); write csv or parquet instead
read-xlsx-bad-range = read_xlsx: range '{ $range }' is not a block of cells such as A2:F200, A5:Z or E:Z
read-xlsx-scan-stopped = read_xlsx: this scan stopped part way
sheet-unreadable-sheet = sheet { $sheet }: { $reason }
sheet-row = { $file } { $sheet } row { $row }
read-table-sandbox = read_table reads files, which --sandbox does not allow
read-table-bad-header-row = header_row must be a row number from 1, not { $value }
read-xlsx-sandbox = read_xlsx reads a file, which --sandbox does not allow
generate-bad-scale = '{ $text }' is not a scale: a positive number up to 100000 (1 is the bundled data) or `national`
generate-scale-too-small = --scale { $scale }: so small that the roster would be empty
generate-bad-county = cluster { $cluster } has county code { $code }, which is not six digits: no credit code can be made for its enterprises
generate-scale-too-large = --scale { $scale }: cluster { $cluster } would have { $rows } enterprises, more than its ids can number (10 million)
generate-thread-stopped = generate: a thread writing the roster stopped before its work was done
library-comments-failed = view library: its comments could not be written: { $reason }
library-install-failed = view library: sql/views/{ $file }: { $reason } (the database's tables may not match clusterql's schema; --empty or a new --db file gives the schema)
library-marker = which clusterql view library this database holds: a fingerprint of its views and comments; clusterql reinstalls the library when it differs

## Column titles (--labels)

label-with-unit = { $title } ({ $unit })

## report

cmd-report-about = The briefing regenerated from the data: one self-contained HTML page with SVG charts
cmd-report-after-help =
    The page needs no network and no script: mail it, print it (A4), open it on a phone.

    Examples:
      clusterql report -o report.html
      clusterql --lang zh report -o 报告.html --figures figures
      clusterql --db clusters.duckdb report --batch 2023 --year 2023 -o 2023.html
cmd-report-arg-batch = The batch of national clusters the page describes
cmd-report-arg-year = The report year whose figures the page shows
cmd-report-arg-figures = Also write each chart as an SVG file of its own into this folder
hint-report-format = ; the page is HTML, written to -o FILE or stdout

report-title = The { $batch } batch of SME industrial clusters, report year { $year }
report-lead = Regenerated by clusterql from the data in this database; every figure names the view and the query it came from.
report-footer = clusterql { $version }. The bundled data is synthetic, calibrated to the published figures (see data/README.md).
report-headline = Headline
report-no-headline = This database has no national clusters of the { $batch } batch reporting in { $year }: the headline cannot be shown.
report-claims = The claims, published against computed
report-where = Where the clusters are
report-development = Quality SMEs and output
report-industry = Leading industries, services and recognition
report-batches = The four batches compared
report-fig-provinces = National clusters per province
report-fig-tile-map = National clusters on the map
report-fig-pyramid = The quality-SME pyramid
report-fig-output = Clusters by output (billion yuan)
report-fig-growth = Output by report year and batch (billion yuan)
report-fig-event-study = Output growth by years since national recognition, one line a batch (mean of clusters' year-on-year growth)
report-fig-leading = Clusters by the leading industry's share of output
report-fig-coverage = Service and governance coverage
report-fig-review = Recognition review: criteria the clusters fail
report-empty = Nothing to show: { $view } has no rows for this selection in this database.
report-from-view = From { $view }:
report-batch-series = batch { $batch }
report-metric = metric
report-batch-reviewed = batch 2022 after the 2025 review (2025)
report-tier-manufacturing_champion = Manufacturing champions
report-tier-little_giant = Little giants
report-tier-specialized_sme = Specialized SMEs
report-tier-innovative_sme = Innovative SMEs
report-criterion-1a = leading industry is the county's pillar or featured industry
report-criterion-1b = area at most 100 square kilometres
report-criterion-1c = output in each of the last three years
report-criterion-1d = SME output as a share of cluster output
report-criterion-1e = leading industry's share of cluster output
report-criterion-1f = average annual output growth over three years
report-criterion-2a = champions and little giants in the leading industry
report-criterion-2b = specialized and innovative SMEs in the leading industry
report-criterion-4 = average annual growth of SME R&D over three years
report-criterion-5 = industrial-internet platform adoption
report-criterion-8 = a promotion body or mechanism

## --format bar

bar-no-number = bar: the result has no numeric column; nothing to draw
bar-ignored = bar: drawing the first label and numeric columns; left out: { $columns }
read-xlsx-kind-changed = read_xlsx: { $cell }: this cell's kind differs from what the first { $rows } rows of column '{ $column }' hold; read the sheet with all_varchar := true and cast
sheet-reader-stopped = the reading of the sheet stopped before its end; nothing was loaded

## --format dta

dta-unsupported-type = column { $column } is { $kind }, which a Stata file cannot hold; nothing was written. Cast it in the query, for example { $cast }
dta-too-many-columns = a Stata file holds at most { $max } variables, and the result has { $count } columns
dta-result-changed = column { $column }: the query gave a value that does not fit the Stata type chosen from its result a moment before; a query whose rows change from one run to the next cannot be written to Stata
dta-write-failed = writing the Stata file: { $reason }
dta-dataset-label = clusterql: { $query }
dta-bool-no = no
dta-bool-yes = yes
