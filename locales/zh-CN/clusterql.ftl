# clusterql 的中文用语。这里的每个键在 en/clusterql.ftl 中都有（测试会核对）。
# 占位符写作 { $name }；字面的大括号写作 {"{"}。

## --help：主命令

cli-about = 中小企业特色产业集群数据分析工具，基于内嵌的 DuckDB
cli-after-help =
    不带 -c、-f 或子命令时：在终端上进入交互式命令行；标准输入不是终端时，从标准输入读取脚本。

    示例：
      clusterql -c "from briefing_headline(2023)"          2023年6月发布的数据（2022：4月发布会）
      clusterql --format csv -c "from cluster_profile" > p.csv
      clusterql -f queries.sql -o result.xlsx              把保存的查询文件写成 Excel 工作簿
      clusterql check                                      发布会口径：公布值与计算值对照
      clusterql views                                      视图库
      clusterql --db clusters.duckdb load reports.csv --table cluster_reports
      clusterql --lang zh --labels -c "from briefing_headline()"
      clusterql                                            交互式命令行（.help 列出点命令）

arg-database = DuckDB 数据库文件（不存在时新建并装入内置数据集）；默认：内存数据库
arg-db = 数据库文件，与 DATABASE 相同，供子命令使用
arg-commands = 执行 SQL（一条或多条语句）后退出；可重复，与 -f 按出现顺序执行
arg-files = 执行保存的查询文件（"-" 表示标准输入）；可重复，与 -c 按出现顺序执行
arg-empty = 不装入内置数据集
arg-readonly = 以只读方式打开数据库文件
arg-sandbox = SQL 不得读写文件，也不得更改此设置
arg-format = 输出格式（默认：table，或按 -o 文件的扩展名）
arg-output = 把结果写入此文件而不是标准输出
arg-max_rows = 表格省略中间行之前显示的行数（终端上默认 40）
arg-vars = 设置变量，SQL 中用 getvariable('NAME') 读取；可重复
arg-keep_going = 批处理中遇到错误时报告并继续执行下一条语句
arg-quiet = 标准错误上只输出错误
arg-no_init = 启动交互式命令行时不执行 ~/.clusterqlrc
arg-ascii = 用 ASCII 字符绘制表格
arg-encoding = 文本编码：load 读取的 CSV 文件的编码（auto 自动识别 UTF-8、UTF-16 或 GB18030），或 csv、tsv 输出的编码（utf-8 或 gb18030，供要求 GBK 的系统使用）
arg-bom = 在 csv、tsv 输出开头写入 UTF-8 字节顺序标记，让 Excel 按 UTF-8 读取
arg-lang = 界面语言：zh 或 en（默认：CLUSTERQL_LANG，其次为区域设置 LANGUAGE、LC_ALL、LC_MESSAGES、LANG）
arg-labels = 数据字典中有的结果列用当前界面语言的标题显示（table、markdown、line、xlsx；csv、tsv、json 和 parquet 保留列名）
arg-storage_version = clusterql 新建数据库文件时使用的存储格式版本
arg-help = 显示帮助
arg-version = 显示版本

## --help：子命令

cmd-run-about = 执行保存的查询文件，每个 FILE 相当于一个 -f
cmd-run-after-help =
    示例：
      clusterql run daily.sql weekly.sql
      clusterql --db clusters.duckdb --format csv run report.sql > report.csv
cmd-run-arg-files = 查询文件，按顺序执行

cmd-load-about = 把 CSV、Parquet 或电子表格文件（可用通配符、文件夹）校验后装入一张表，要么全部装入，要么一行不装
cmd-load-after-help =
    被拒绝的装入不改变数据库，退出码为 4。

    示例：
      clusterql --db clusters.duckdb load reports_2025.csv --table cluster_reports
      clusterql --db clusters.duckdb load 名单.xlsx --sheet 2 --table enterprises
      clusterql --db clusters.duckdb load 'data/*.parquet' --table enterprises --replace
cmd-load-arg-paths = 要装入的文件、通配符或文件夹
cmd-load-arg-table = 装入的目标表（数据模型中的表；用 --create 时为新表的名字）
cmd-load-arg-create = 用文件新建一张你自己的表（如统计年鉴、企业名单）：列名照表头原样保留，类型由 DuckDB 按清洗后的值推断，单位记为列注释；表已存在时拒绝，除非给出 --replace
cmd-load-arg-replace = 替换表中原有的行，而不是追加
cmd-load-arg-append = 追加到表中原有的行之后（默认）
cmd-load-arg-ignore_extra = 跳过表中没有的列，而不是拒绝装入
cmd-load-arg-no_id_check = 装入不是统一社会信用代码的企业编号（以其他编号为键的名册）；默认每个 enterprise_id 都须通过 GB 32100 的校验码检查
cmd-load-arg-sheet = 要装入的电子表格（.xlsx、.xls、.ods）工作表：表名，或从 1 起的序号（默认：第一张）
cmd-load-arg-maps = 把文件中表头为 HEADER 的列装入表的 COLUMN 列（用于不是列名或标题的表头）；可重复
cmd-load-arg-units = 表头未写单位的列的单位（金额：元、万元、亿元……）；可重复
cmd-load-arg-header_row = 电子表格中作为表头（列名）的行号，从 1 起（默认：在前几行中自动查找，跳过其上的标题行）

cmd-check-about = 公布的说法（2023年4月发布会、2023年6月更新）与计算值对照；若有说法不成立，退出码为 3（勘误另列）
cmd-check-after-help =
    示例：
      clusterql check
      clusterql check --source cctv-2023-06
      clusterql --format csv check > claims.csv
cmd-check-arg-sources = 只核对此来源的说法（briefing_claims 的 source_key）；可重复

cmd-views-about = 视图库，每个视图一行
cmd-views-after-help =
    示例：
      clusterql views
      clusterql --lang en views
      clusterql --format json views

cmd-generate-about = 把合成数据集（全部表）写入一个文件夹
cmd-generate-after-help =
    示例：
      clusterql generate --out /tmp/bundled
      clusterql generate --out /tmp/big --scale national
      clusterql generate --out /tmp/csv --roster-format csv --seed 7
cmd-generate-arg-out = 写入的文件夹（不存在时新建）
cmd-generate-arg-scale = 名录规模：内置数据的倍数（1 = 440 个集群，2022年 102,875 家中小企业，其中第一批集群 28,460 家，2019—2025年共 133,653 行名录），或 national，即2022年约5200万家，全国中小企业规模。数量和金额随倍数放大，比例和增速不变，因此 check 的数量只在 1 倍时成立
cmd-generate-arg-seed = 随机种子；种子相同，数据相同
cmd-generate-arg-roster_format = 企业名录和荣誉表的文件格式（小表总是 CSV）

cmd-completions-about = 输出某种 shell 的命令补全脚本
cmd-completions-after-help =
    示例：
      clusterql completions bash > ~/.local/share/bash-completion/completions/clusterql
      clusterql completions zsh > ~/.zfunc/_clusterql
      clusterql completions fish > ~/.config/fish/completions/clusterql.fish
cmd-completions-arg-shell = shell 的名称

cmd-man-about = 输出手册页（roff 格式）
cmd-man-after-help =
    示例：
      clusterql man > clusterql.1 && man ./clusterql.1
      clusterql --lang zh man > clusterql.zh.1

cmd-help-about = 显示本帮助或指定子命令的帮助

heading-arguments = 参数
heading-options = 选项
heading-global-options = 全局选项
heading-commands = 子命令
help-usage-heading = 用法：
help-possible-values = （可选值：{ $values }）
help-default = （默认：{ $value }）

## 用法错误（退出码 2）

usage-unknown-argument = 无法识别的参数 '{ $arg }'
usage-unknown-subcommand = 无法识别的子命令 '{ $name }'
usage-invalid-value = '{ $arg }' 的值 '{ $value }' 无效（可选值：{ $valid }）
usage-value-validation = '{ $arg }' 的值 '{ $value }' 无效：{ $reason }
usage-missing-argument = 缺少必需的参数：{ $arg }
usage-conflict = 参数 '{ $arg }' 不能与 '{ $prior }' 同时使用
usage-unexpected-value = 多余的值 '{ $value }'
usage-value-missing = '{ $arg }' 需要一个值
usage-no-equals = 给 '{ $arg }' 赋值时需要用等号
usage-did-you-mean = 提示：是不是要用 '{ $suggested }'？
usage-more-information = 更多信息请运行 '--help'。
usage-does-not-apply = { $flag } 不适用于 `{ $subcommand }`
usage-binary-format-for-text = Parquet、xlsx 和 dta 不适用于输出文本的 `{ $subcommand }`：请选 csv、json 或其他 --format
usage-report-writes-html = report 输出的是 HTML 页面：请用 -o FILE.html，或不加 -o 输出到标准输出
usage-variable-no-equals = 应为 NAME=VALUE，实际为 '{ $text }'
usage-variable-bad-name = '{ $name }' 不是合法的变量名（字母、数字和 _）
usage-bad-lang = '{ $text }' 不是可选的语言：zh 或 en

hint-prints-text = ；它把文本写到标准输出
hint-generate-format = ；名录的文件格式用 --roster-format parquet|csv
hint-generate-output = ；写入的文件夹用 --out DIR
hint-generate-db = ；generate 写的是文件，不是数据库
hint-load-bom = ；BOM 只用于 csv 和 tsv 输出
hint-load-format = ；load 按文件扩展名读取 CSV、Parquet 或电子表格
hint-load-output = ；load 写入数据库（--db PATH）
hint-load-readonly = ；load 要写入数据库
hint-load-sandbox = ；load 要读文件，而 --sandbox 禁止读文件
hint-load-sql = ；装入后的 SQL 请另行调用执行
hint-load-keep-going = ；装入要么全部成功，要么一行不装
hint-views-db = ；views 列出的是视图库本身，与数据库无关

## 错误

error-output = 无法写出结果：{ $reason }
error-claims-failed = 不成立的说法：{ $claims }
error-interrupted = 已中断
error-statements-failed = { $count } 条语句执行失败

# 每条错误所在的一行，以及失败语句的各个部分。
error-line = 错误：{ $message }
error-sql = { $location }：{ $message }
error-sql-classed = { $location }：{ $class }：{ $message }
error-hint = 提示：{ $hint }

## DuckDB 的错误类别，用会话语言写在 DuckDB 的英文旁边

sql-class-catalog = 目录错误
sql-class-parser = 语法错误
sql-class-binder = 绑定错误
sql-class-conversion = 类型转换错误
sql-class-constraint = 约束错误
sql-class-io = 输入输出错误
sql-class-out-of-memory = 内存不足
sql-class-invalid-input = 输入无效
sql-class-out-of-range = 超出范围
sql-class-not-implemented = 尚未实现
sql-class-permission = 权限错误
sql-class-transaction = 事务错误
sql-class-dependency = 依赖错误
sql-class-type = 类型错误
sql-class-syntax = 语法错误
sql-class-sequence = 序列错误
sql-class-serialization = 序列化错误
sql-class-internal = 内部错误

## 失败语句下面的提示

hint-no-table = 没有名为 { $name } 的表或视图；.tables 列出所有表，`clusterql views` 列出视图库
hint-no-table-closest = 没有名为 { $name } 的表或视图；最接近的：{ $closest }；.tables 列出所有表，`clusterql views` 列出视图库
hint-table-macro = { $name } 是视图库中的表宏：要带参数调用，写作 { $name }(…)；参数见 `clusterql views`
hint-no-column = { $table } 没有名为 { $name } 的列；.describe { $table } 列出它的全部 { $count } 列
hint-no-column-closest = { $table } 没有名为 { $name } 的列；最接近的：{ $closest }；.describe { $table } 列出它的全部 { $count } 列
hint-conversion = '{ $value }' 无法读作 { $target }
hint-conversion-title = '{ $value }' 无法读作 { $target }；{ $column } 是{ $title }
hint-conversion-unit = '{ $value }' 无法读作 { $target }；{ $column } 是{ $title }，单位为{ $unit }，只写数字
hint-conversion-share = '{ $value }' 无法读作 { $target }；{ $column } 是{ $title }，为 0 到 1 之间的小数（35.2% 写作 0.352）
hint-check = { $table } 要求：{ $rule }
rule-between = { $column } 在 { $low } 与 { $high } 之间
rule-share = { $column } 是 { $low } 到 { $high } 之间的比例（35.2% 写作 0.352）
rule-at-least = { $column } 不小于 { $value }
rule-above = { $column } 大于 { $value }
rule-at-most = { $column } 不大于 { $value }
rule-below = { $column } 小于 { $value }
rule-equal = { $column } 等于 { $value }
rule-one-of = { $column } 取 { $values } 之一
rule-pattern = { $column } 符合格式 { $pattern }
rule-length = { $column } 长 { $length } 个字符
rule-as-written = { $expression } 成立

## 交互式命令行：点命令（.help 显示这些）

dot-help = 本列表
dot-tables = 表和视图，表附行数
dot-views = 视图库，附每个视图回答的问题
dot-schema = 建表语句，NAME 的或全部的
dot-describe = 表或视图的列、类型和说明
dot-mode = 输出格式：table csv tsv json jsonl markdown line bar
dot-output = 把结果写入 FILE，不带参数则回到终端
dot-once = 把下一个结果写入 FILE
dot-read = 执行 FILE 中的语句
dot-timer = 显示每条语句的用时
dot-maxrows = 表格省略中间行之前显示的行数（0：全部）
dot-nullvalue = 表格中 NULL 的显示方式
dot-last = 重新执行上一个查询并显示全部行
dot-pager = 用 $PAGER（否则 less -SRXF）分页显示结果；auto：比屏幕高时才分页
dot-load = 把 CSV、Parquet 或电子表格文件（或文件夹、通配符）装入一张表，要么全部装入，要么一行不装
dot-check = 发布会的说法：公布值与计算值对照
dot-open = 打开数据库文件（不存在时新建并装入内置数据）
dot-quit = 退出（也可用 .exit 或 Ctrl-D）
dot-usage = 用法：{ $usage }
dot-unknown-format = 未知的格式 '{ $format }'；{ $usage }
dot-mode-parquet = parquet 只能写入文件：请在命令行上用 -o FILE.parquet
dot-unknown-near = 未知的命令 .{ $name }；是不是要用 .{ $near }？（.help 列出全部命令）
dot-unknown = 未知的命令 .{ $name }（.help 列出全部命令）

## 交互式命令行

shell-banner =
    clusterql { $version }，数据库：{ $database }
    输入以 ';' 结尾的 SQL；.help 列出命令，.views 列出视图库，Ctrl-D 退出。
shell-empty-memory = 空的内存数据库
shell-bundled-memory = 装有内置数据集的内存数据库（合成数据，见 data/README.md）
shell-run-time = 用时：{ $seconds } 秒
shell-no-last-query = 还没有返回过行的查询
shell-opened = 已打开 { $path }

## 表格与进度

table-rows = 共 { $rows } 行
table-shown = （显示 { $shown } 行）
table-hidden-columns = ，另有 { $n } 列未显示（请加宽终端或用 --format line）
table-elided = … { $rows } 行 …
progress-cancel-hint = （Ctrl-C 取消）

## check

check-no-such-source = --source { $source }：没有这个来源（可选：{ $known }）
check-heading = { $key }，{ $year }年报告：{ $source }
check-errata-heading = 勘误：来源本身弄错的数字，另行列出，不计入 check 的成败
check-all-hold = { $n } 条说法：全部成立
check-some-fail = { $n } 条说法：{ $held } 条成立，{ $failed } 条不成立（{ $claims }）
check-errata-apart = ；另列勘误 { $n } 条
check-column-claim = 编号
check-column-source = 来源
check-column-report-year = 报告年度
check-column-statement = 说法
check-column-published = 公布值
check-column-computed = 计算值
check-column-verdict = 结论
check-unknown = 未知
check-erratum = 勘误
check-erratum-corrected = 勘误：{ $value }
check-holds = 成立
check-fails = 不成立
check-odd = { $value }余
check-points = { $value } 个百分点
check-money = { $value } 亿元

source-scio-2023-04-20-zh = 国务院新闻办公室新闻发布会（2023-04-20），中文原文（中国新闻网；上海证券报）
source-scio-2023-04-20-en = 国务院新闻办公室新闻发布会（2023-04-20），英文实录（中国网）
source-cctv-2023-06 = 央视新闻，2023年6月最新数据（据证券时报）
source-miit-2025-review = 工业和信息化部，2022年度集群的2025年复核结果及2025年度名单（2025年11月）
claim-note-scio-2023-04-20-en-C02 = 翻译错误：中文原文为“2.8万多家”（万 = 10,000），即 28,000 余家；按 scio-2023-04-20-zh 的 C02 核对

## load

load-reading-sheet = { $file }：读取工作表 { $sheet }
load-reading-encoding = { $file }：按 { $encoding } 编码读取（{ $how }）
load-encoding-asked = 按指定
load-encoding-detected = 自动识别
load-not-a-schema-table = --table { $table }：不是数据模型中的表（可选：{ $known }）
load-not-a-table-here = { $table } 在这个数据库中不是表（内存会话把内置名录作为视图提供）：请装入数据库文件，--db PATH
load-no-such-file = { $file }：文件不存在
load-row-numbers-dropped-own = { $header }：行的序号（1 到 n），不予载入
load-own-no-columns = { $file }：没有可载入的列
load-create-reserved = { $table } 是 clusterql 自带的表或视图：请为你的表另取一个名字
load-create-exists = 表 { $table } 已存在：用 --replace 替换它，或另取一个名字
load-own-unit = { $header }：单位 { $unit }，记为该列的注释
load-created = 已创建 { $table }：{ $rows } 行，{ $columns } 列
load-empty-folder = { $folder }：文件夹中没有可载入的文件（CSV、TSV、Parquet、xlsx、xls、ods）
load-bad-glob = { $pattern }：不是有效的文件通配符：{ $reason }
load-glob-matched-nothing = { $pattern }：没有匹配的文件
load-mixed-formats = 这些文件格式不同，不能作为一张表读入：{ $alike } | { $others }；请按格式分别载入
load-and-more-files = { " " }等另 { $count } 个
load-file-rows = { $file }：{ $rows } 行
load-columns-other-files-fill = { $file }：没有 { $columns }，而本次加载的其他文件有：此文件各行该列为空值（NULL）
load-looks-like-gbk = 看起来是 GBK/GB18030 编码；可这样转换：iconv -f GB18030 -t UTF-8 { $file } > converted.csv
load-convert-to-utf8 = 请先转换为 UTF-8，例如 iconv -f ENCODING -t UTF-8 { $file } > converted.csv
load-not-utf8 = 文件不是 UTF-8 文本；{ $guess }
load-parquet-corrupt = （Parquet 文件不完整或已损坏）
load-missing-column = 缺少必需的列 '{ $column }'（{ $type }）
load-and-joiner = 和
load-column-named-twice = 列 { $headers } 都指向 '{ $column }'；请只保留一个
load-at-header = 列 '{ $header }'：{ $problem }
load-header-unknown = 不是 { $table } 的列（--map '{ $header }=列名' 可把它装入某列；--ignore-extra 可跳过它）
load-header-unknown-suggest = 不是 { $table } 的列：是否指 '{ $suggestion }'（{ $column }）？（--map '{ $header }=列名' 可把它装入某列；--ignore-extra 可跳过它）
load-money-without-unit = 金额须写明单位：请在表头写出，如 '{ $example }'，或给出 --unit { $column }=单位（可用单位：{ $units }）
load-unknown-unit = '{ $unit }' 不是 clusterql 认识的单位（此列可用单位：{ $units }）
load-unit-does-not-fit = '{ $unit }' 不适用于 { $column }，该列以 { $own } 计（可用单位：{ $units }）
load-unit-for-unitless = { $column } 没有单位，表头却写了 '{ $unit }'
load-unit-disagrees = 表头写的是 '{ $written }'，--unit 给的是 '{ $asked }'
load-not-whole = 列 '{ $column }'：'{ $value }' 不是整数个{ $unit }：计数不能有小数
load-not-whole-meant = 列 '{ $column }'：'{ $value }' 不是整数个{ $unit }：计数不能有小数。若数值的单位是{ $meant }（即 { $number }），请在表头中写明单位，如 { $title }（{ $meant }）
load-unit-stated-at-line = { $written }，第 { $line } 行
load-unit-stated-at-cell = { $written }，{ $cell }
load-stated-units-disagree = 表格上方说明的单位不一致：{ $one } 与 { $other }；请在表头中写明单位，或改正其中一个
load-stated-units-disagree-files = 各表格上方说明的单位不一致：{ $one }（{ $file_one }）与 { $other }（{ $file_other }）；请在表头中写明单位，或改正其中一个
load-stated-unit-not-in-all = { $file_one } 在表格上方说明了 { $one }，而 { $silent } 没有说明单位，其数值将按同一单位读入；请逐个载入这些文件，或在表头中写明单位
load-natural-unit = { $header } → { $column }，按 { $unit } 读入（表头未写单位）
load-percent-as-fraction = 该列含有 { $value }，在 -1 到 1 之间：电子表格把设为百分比格式的单元格存为小数（35.2% 存为 0.352），而 .xls 文件的单元格格式无法读取，按这个表头读入可能小一百倍。请把表格另存为 .xlsx 或 .ods，或把百分数写成数字（35.2）
load-row-numbers-dropped = { $header }：行的序号（1 到 { $rows }），不载入
load-row-numbers-not = 不只是行的序号 1、2、3……，又不是 { $table } 的列（--map '{ $header }=列名' 可把它装入某列；--ignore-extra 可跳过它）
load-key-value = '{ $text }'：应为 键=值
load-wrong-type = 列 '{ $column }'：'{ $value }' 不是 { $type }
load-empty-required = 列 '{ $column }' 为空，但它是必填的
load-duplicate-key = 装入的文件中键 { $key } = '{ $value }' 重复
load-also-at = （又见 { $places }）
load-key-exists = 键 { $key } = '{ $value }' 已在 { $table } 中（要用 --replace 吗？）
load-missing-reference = 列 '{ $column }'：'{ $value }' 不在 { $target } 中
load-bad-credit-code = 列 '{ $column }'：'{ $value }' 不是统一社会信用代码：{ $reason }（如要载入其他编号，请加 --no-id-check）
credit-code-length = 有 { $count } 个字符，而非 18 个
credit-code-character = 第 { $position } 位是 '{ $found }'，代码不用此字符（只用数字和除 I、O、S、V、Z 以外的大写字母）
credit-code-division = 第 { $position } 位是 '{ $found }'，而第 3—8 位的行政区划码只能是数字
credit-code-check = 末位是 '{ $found }'，校验码应为 '{ $expected }'
credit-code-organization-check = 第 17 位（组织机构代码的校验码）是 '{ $found }'，应为 '{ $expected }'
load-replace-strands = --replace 会让 { $referrer } 中的 { $count } 行引用不存在的 { $column }（例如 '{ $example }'）；请先替换 { $referrer }，或把缺少的行一并装入
load-checking-rule = 检查 { $rule } 时出错：{ $reason }
load-written-as = 原文为
load-breaks-rule = 违反规则 { $rule }
load-breaks-rule-found = 违反规则 { $rule }：{ $found }
load-write-failed = { $table }：{ $reason }；没有写入任何数据
load-rejected = 拒绝装入，数据库未作任何改动（{ $count } 个问题）：
load-and-more = … 另有 { $count } 个
load-needs-database = load 要写入数据库文件：请用 --db PATH 指定
load-loaded = 已向 { $table } 装入 { $rows } 行

## generate

generate-summary = 已把 { $rows } 行名录（2022年中小企业 { $smes } 家，规模 { $scale } 倍）和 { $honors } 条荣誉写入 { $out }，用时 { $seconds } 秒（每秒 { $millions } 百万行名录）

## 输出、引擎、编码、工作表、脚本

output-format-needs-file = --format { $format } 写的是文件：请用 -o PATH 指定
output-encoding = --encoding { $encoding }：输出只能是 UTF-8，csv 和 tsv 还可以是 GB18030
output-bom = --bom：UTF-8 字节顺序标记只用于 csv 和 tsv 输出（--format csv）
engine-readonly-memory = --readonly 需要 DATABASE 文件；内存数据库只属于本次运行
engine-locked = 数据库已被锁定：另一个进程正以写方式打开它
engine-not-duckdb = 不是 DuckDB 数据库文件（CSV 或 Parquet 文件请用 load 装入）
engine-newer-duckdb = 由比 clusterql 所带版本更新的 DuckDB 写成；请在那个版本中打开并 EXPORT DATABASE，或升级 clusterql
encoding-unknown = '{ $text }' 不是 clusterql 能读的编码：utf-8、utf-16、utf-16be、gb18030（也用于 GBK 和 GB2312）或 auto
encoding-foreign = 不是 UTF-8、UTF-16 或 GB18030 文本（看起来像 { $guess }）；请先转换，例如 iconv -f { $guess } -t UTF-8，或用 --encoding 指定编码
encoding-invalid-script = 不是有效的 { $encoding } 文本；请先转换，例如 iconv -f { $encoding } -t UTF-8 { $file }
encoding-invalid-byte = 不是有效的 { $encoding } 文本（字节 { $bytes }）；没有装入任何数据
sheet-unreadable = 不是可读的工作簿（{ $reason }）
sheet-missing = 没有工作表 { $sheet }（现有：{ $names }）
sheet-none = 工作簿中没有工作表
sheet-empty = 工作表 { $sheet } 是空的
sheet-empty-header = 表头单元格为空（合并单元格或缺少列名）
sheet-error-cell = 单元格是错误值（{ $error }），不是数据
sheet-row-after-end = 表格之下还有一行数据；表格到第一个空行（第 { $end } 行）为止。如要载入，请删去空行，或把这一行移走
sheet-no-header-row = 工作表 { $sheet }：第 { $row } 行没有可作列名的内容
load-sheet-skipped = { $file } { $sheet }：表格上方的内容，未载入：{ $text }
load-sheet-note = { $file } { $note }（表格下方的注释，未载入）
load-csv-skipped = { $file }：表格上方的内容，未载入：{ $text }
load-csv-note = { $file }：{ $note }（表格下方的注释，未载入）
load-csv-row-after-end = '{ $text }' 位于表格之下；表格到第一个空行或注释为止。如要载入，请删去空行，或把这一行移走
load-csv-no-header-line = --header-row：这一行没有列名
load-map-unused = --map '{ $header }=…'：文件中没有表头 '{ $header }'
load-unit-unused = --unit '{ $column }=…'：文件中没有表头对应 { $column } 列
batch-parquet-one-result = 一个 { $format } 文件只能装一个结果，而 { $file } 已经有一个
batch-read-as = { $file }：按 { $encoding } 编码读取
session-library-not-installed = 警告：视图库没有安装，数据库中原有的视图保持不变：{ $error }
dataset-incomplete = { $dir } 中的内置数据集不完整（缺少 { $missing }）：请把 CLUSTERQL_DATA 设为其所在文件夹，或使用 --empty
xlsx-write-failed = 写工作簿时出错：{ $reason }
xlsx-too-many-rows = 超过 { $rows } 行的结果放不进一张 Excel 工作表（{ $sheet_rows } 行，含表头）；请改写 csv 或 parquet
read-xlsx-bad-range = read_xlsx：range '{ $range }' 不是形如 A2:F200、A5:Z 或 E:Z 的单元格区域
read-xlsx-scan-stopped = read_xlsx：这次读取中途停止了
sheet-unreadable-sheet = 工作表 { $sheet }：{ $reason }
sheet-row = { $file } { $sheet } 第 { $row } 行
read-table-sandbox = read_table 要读取文件，--sandbox 模式下不允许
read-table-bad-header-row = header_row 必须是从 1 起的行号，而不是 { $value }
read-xlsx-sandbox = read_xlsx 要读文件，而 --sandbox 不允许
generate-bad-scale = '{ $text }' 不是有效的规模：不超过 100000 的正数（1 即内置数据）或 national
generate-scale-too-small = --scale { $scale }：太小，名录会是空的
generate-bad-county = 集群 { $cluster } 的县级代码 { $code } 不是六位数字，无法为其企业生成统一社会信用代码
generate-scale-too-large = --scale { $scale }：集群 { $cluster } 会有 { $rows } 家企业，超出其编号范围（1000万）
generate-thread-stopped = generate：一个写名录的线程在完成工作前就停止了
library-comments-failed = 视图库：无法写入说明注释：{ $reason }
library-install-failed = 视图库：sql/views/{ $file }：{ $reason }（数据库的表可能与 clusterql 的数据模型不符；--empty 或新的 --db 文件会带有这个模型）
library-marker = 本数据库所含的 clusterql 视图库：其视图与注释的指纹；指纹不同时 clusterql 会重新安装视图库

## 列标题（--labels）

label-with-unit = { $title }（{ $unit }）

## report

cmd-report-about = 用数据重新生成发布会报告：一个自带 SVG 图表的独立 HTML 页面
cmd-report-after-help =
    页面不需要网络，也不含脚本：可以邮寄、打印（A4），也可以在手机上打开。

    示例：
      clusterql report -o report.html
      clusterql --lang zh report -o 报告.html --figures figures
      clusterql --db clusters.duckdb report --batch 2023 --year 2023 -o 2023.html
cmd-report-arg-batch = 页面描述的国家级集群批次
cmd-report-arg-year = 页面展示其数据的报告年度
cmd-report-arg-figures = 另把每张图表各写成一个 SVG 文件，放入此文件夹
hint-report-format = ；页面是 HTML，写到 -o FILE 或标准输出

report-title = { $batch }年批次中小企业特色产业集群（{ $year }年报告）
report-lead = 由 clusterql 根据本数据库中的数据重新生成；每个数字都注明了来源视图和查询语句。
report-footer = clusterql { $version }。内置数据为合成数据，已按公布的数字校准（见 data/README.md）。
report-headline = 主要数据
report-no-headline = 本数据库中没有 { $batch }年批次在 { $year }年报告的国家级集群：无法显示主要数据。
report-claims = 公布的说法与计算值对照
report-where = 集群分布
report-development = 优质中小企业与产值
report-industry = 主导产业、服务与认定
report-batches = 四个批次对比
report-fig-provinces = 各省国家级集群数
report-fig-tile-map = 国家级集群分布图
report-fig-pyramid = 优质中小企业梯度
report-fig-output = 按产值分组的集群数（亿元）
report-fig-growth = 各报告年度、各批次的产值（亿元）
report-fig-event-study = 获国家级认定前后各年的产值增速，每批次一条线（各集群同比增速的平均）
report-fig-leading = 按主导产业产值占比分组的集群数
report-fig-coverage = 服务与治理覆盖面
report-fig-review = 认定复核：集群未达到的条件
report-empty = 无可显示的内容：本数据库中 { $view } 在此范围内没有数据。
report-from-view = 来自 { $view }：
report-batch-series = { $batch }年批次
report-metric = 指标
report-batch-reviewed = 2025年复核后的2022年批次（2025年）
report-tier-manufacturing_champion = 制造业单项冠军企业
report-tier-little_giant = 专精特新“小巨人”企业
report-tier-specialized_sme = 专精特新中小企业
report-tier-innovative_sme = 创新型中小企业
report-criterion-1a = 主导产业是所在县的支柱产业或特色产业
report-criterion-1b = 占地面积不超过100平方公里
report-criterion-1c = 近三年每年的产值
report-criterion-1d = 中小企业产值占集群产值的比重
report-criterion-1e = 主导产业产值占集群产值的比重
report-criterion-1f = 近三年产值年均增速
report-criterion-2a = 主导产业中的单项冠军和“小巨人”企业
report-criterion-2b = 主导产业中的专精特新和创新型中小企业
report-criterion-4 = 近三年中小企业研发经费年均增速
report-criterion-5 = 工业互联网平台应用
report-criterion-8 = 推进机构或工作机制

## --format bar

bar-no-number = bar：结果中没有数值列，无法绘制
bar-ignored = bar：按第一个标签列和第一个数值列绘制；未用的列：{ $columns }
read-xlsx-kind-changed = read_xlsx：{ $cell }：这个单元格的类型与列 '{ $column }' 前 { $rows } 行的类型不同；请用 all_varchar := true 读取后再转换类型
sheet-reader-stopped = 工作表没有读到末尾就中断了；没有装入任何数据

## --format dta

dta-unsupported-type = 列 { $column } 的类型是 { $kind }，Stata 文件无法保存；没有写入任何内容。请在查询中转换它，例如 { $cast }
dta-too-many-columns = Stata 文件最多容纳 { $max } 个变量，而结果有 { $count } 列
dta-result-changed = 列 { $column }：查询给出的值放不进刚才按结果选定的 Stata 类型；每次运行结果都不同的查询无法写成 Stata 文件
dta-write-failed = 写 Stata 文件时出错：{ $reason }
dta-dataset-label = clusterql：{ $query }
dta-bool-no = 否
dta-bool-yes = 是
