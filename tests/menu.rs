//! The main menu: home and the top-level sections, in menu order, on every page, whatever else
//! is at the top level (a site of 100,000 top-level pages once made each page's menu cost as
//! much as the whole site).

use crate::common;
use common::Site;

/// The menu entries of the page at `url`, as (text, href).
fn menu(site: &Site, url: &str) -> Vec<(String, String)> {
    let html = site.page(url).unwrap_or_else(|| panic!("no page at {url}"));
    let doc = scraper::Html::parse_document(&html);
    let links = scraper::Selector::parse("nav.site-nav a").unwrap();
    doc.select(&links).map(|a| (a.text().collect::<String>(), a.value().attr("href").unwrap_or("").to_string())).collect()
}

#[test]
fn the_menu_lists_home_and_the_top_level_sections_in_order_and_no_plain_pages() {
    let site = Site::new();
    let section = |title: &str, weight: i64| format!("---\ntitle: {title}\ndescription: A section.\nweight: {weight}\n---\nPages about {title}.\n");
    site.write("content/zebra/_index.md", section("Zebra", 1)).write("content/apple/_index.md", section("Apple", 2));
    site.write("content/nested/deeper/_index.md", section("Deeper", 0));
    for i in 0..30 {
        site.write(&format!("content/page{i}.md"), format!("---\ntitle: Page {i}\ndescription: A top-level page.\n---\nText {i}.\n"));
    }
    site.build(&[]);
    // A section in a folder without its own _index.md belongs to the home page too.
    let expected: Vec<String> = ["Deeper", "Zebra", "Apple"].iter().map(|s| s.to_string()).collect();
    for url in ["/", "/page7/", "/apple/", "/nested/deeper/"] {
        let entries = menu(&site, url);
        let sections: Vec<String> = entries.iter().skip(1).map(|(t, _)| t.clone()).collect();
        assert_eq!(sections, expected, "menu of {url}: {entries:?}");
        assert_eq!(entries.len(), 4, "home, then the three sections: {entries:?}");
    }
}
