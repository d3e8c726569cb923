-- name: briefing_headline
-- question: What does the briefing say about the first 100 clusters, computed from the data?
-- reproduces: C01-C08, C10-C14 (the 2022 batch in report year 2022)
-- grain: one row
-- columns: those of batch_headline
CREATE OR REPLACE VIEW briefing_headline AS
FROM batch_headline(2022, 2022);
