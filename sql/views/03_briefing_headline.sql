-- name: briefing_headline
-- question: What do the sources say about the first 100 clusters in a report year, computed from the data? (table macro: briefing_headline(wanted_year := 2022), the report year; 2022 is the April 2023 briefing, 2023 the June 2023 update)
-- reproduces: C01-C08, C10-C14 (briefing_headline(2022)); J01-J06 (briefing_headline(2023))
-- grain: one row
-- columns: those of batch_headline, for the 2022 batch
-- question_zh: 按数据计算，各资料来源所述首批100个集群在某一报告年度的情况如何？（表宏：briefing_headline(wanted_year := 2022)，参数为报告年度；2022 对应2023年4月的新闻发布会，2023 对应2023年6月的更新）
-- columns_zh: 同 batch_headline，为2022年批次
CREATE OR REPLACE MACRO briefing_headline(wanted_year := 2022) AS TABLE
FROM batch_headline(2022, wanted_year);
