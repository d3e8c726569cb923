//! The report's page: one self-contained HTML file (inline CSS, inline
//! SVG, no script, nothing fetched), written as well-formed XML so that any
//! XML parser can read it back. Its Content-Security-Policy forbids every
//! outside resource, so a browser refuses (and reports) one if it ever
//! slipped in.

/// Text for an element or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 has no place for other control characters.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Phone-width first; the A4 print drops the page's margins and keeps each
/// figure on one page.
const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Helvetica Neue', Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; padding: 16px; max-width: 980px; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 2px solid #2f6690; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 0.4em 0; }
p.lead { color: #444; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; }
.card .title { font-size: 0.85em; color: #555; }
.card .figure { font-size: 1.3em; font-weight: 600; }
figure { margin: 1em 0 1.6em; break-inside: avoid; }
.chart { overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85em; color: #555; }
figcaption pre { background: #f6f8fa; padding: 6px 8px; white-space: pre-wrap; word-break: break-word; font-size: 0.95em; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9em; width: 100%; }
th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
td.number { text-align: right; white-space: nowrap; }
tr.erratum td { color: #8a5a00; }
ul.sources { font-size: 0.85em; color: #444; padding-left: 1.2em; }
.holds { color: #1a7f37; }
.fails { color: #cf222e; font-weight: 600; }
p.empty { color: #8a5a00; border-left: 3px solid #edae49; padding-left: 8px; }
footer { margin-top: 2em; font-size: 0.8em; color: #666; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
}
";

pub struct Page<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub lead: &'a str,
    pub sections: &'a [String],
    pub footer: &'a str,
}

impl Page<'_> {
    pub fn render(&self) -> String {
        let mut html = String::new();
        html.push_str("<!DOCTYPE html>\n");
        html.push_str(&format!(
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\">\n<head>\n",
            escape(self.lang)
        ));
        html.push_str("<meta charset=\"utf-8\"/>\n");
        html.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n",
        );
        html.push_str(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n",
        );
        html.push_str(&format!("<title>{}</title>\n", escape(self.title)));
        html.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
        html.push_str(&format!(
            "<header><h1>{}</h1><p class=\"lead\">{}</p></header>\n",
            escape(self.title),
            escape(self.lead)
        ));
        for section in self.sections {
            html.push_str(section);
            html.push('\n');
        }
        html.push_str(&format!("<footer>{}</footer>\n", escape(self.footer)));
        html.push_str("</body>\n</html>\n");
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
    }
}
