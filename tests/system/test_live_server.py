"""A real `kg serve` on loopback: a SPARQL client and a headless browser use it."""

from __future__ import annotations

import shutil

import pytest


def test_sparqlwrapper_select_ask_construct(server):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setReturnFormat(JSON)
    client.setQuery("SELECT ?file WHERE { ?d a cg:Document ; cg:fileName ?file } ORDER BY ?file")
    rows = client.query().convert()["results"]["bindings"]
    assert [r["file"]["value"] for r in rows][0] == "000_7b65b09a4260db5d.txt" and len(rows) == 5

    client.setQuery("ASK { ?v a cg:Conflict }")
    assert client.query().convert()["boolean"] is True

    client.setQuery("CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d dcterms:title ?t }")
    client.setReturnFormat(TURTLE)
    graph = client.query().convert()
    import rdflib

    g = rdflib.Graph().parse(data=graph, format="turtle")
    assert len(g) == 5


def test_sparqlwrapper_post(server):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?c a cg:FigureClaim }")
    n = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n > 50


def chrome():  # type: ignore[no-untyped-def]
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        pytest.skip("Chromium and ChromeDriver are not installed (Debian chromium, chromium-driver; .ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


def test_query_page_in_a_real_browser(server, artifacts):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    browser = chrome()
    try:
        browser.get(server + "/sparql")
        box = browser.find_element(By.ID, "query")
        box.clear()
        box.send_keys("SELECT ?file WHERE { ?d a cg:Document ; cg:fileName ?file } ORDER BY ?file")
        browser.find_element(By.ID, "run").click()
        WebDriverWait(browser, 20).until(EC.url_contains("query="))
        WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.ID, "results")))
        cells = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#results tbody td")]
        assert cells[0] == "000_7b65b09a4260db5d.txt" and len(cells) == 5
        browser.save_screenshot(str(artifacts / "sparql-query-page.png"))
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], errors
    finally:
        browser.quit()
