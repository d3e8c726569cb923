#!/usr/bin/env python3
"""Loads a clusterql report in headless Chromium and fails on what a reader
would see go wrong: a console error (a refused outside resource shows up as
one, through the page's Content-Security-Policy), any network request, an
SVG chart that is empty or draws outside its own box, or a page wider than
the screen. Saves a screenshot of the whole page at each width, and the page
printed on A4 as a PDF.

Usage: check_report.py REPORT.html SCREENSHOT_PREFIX

Talks to Chromium over --remote-debugging-pipe (the DevTools protocol as
NUL-terminated JSON on file descriptors 3 and 4), so it needs nothing but
Python's standard library and the distribution's chromium package.
"""

import base64
import json
import select
import os
import shutil
import subprocess
import sys
import tempfile
import time

# A desktop screen and a phone.
WIDTHS = [(1100, 900), (390, 844)]
TIMEOUT = 60


class Browser:
    def __init__(self):
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if binary is None:
            sys.exit("check_report: no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="clusterql-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            # Through fds out of the way first, in case a pipe already sits
            # on 3 or 4.
            reading = os.dup2(to_browser_read, 100)
            writing = os.dup2(from_browser_write, 101)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            # The child's 3 and 4, after wire_pipes, stay open.
            pass_fds=(3, 4),
            preexec_fn=wire_pipes,
            stdout=self.log,
            stderr=self.log,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        wanted = self.next_id
        while True:
            reply = self.receive()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self):
        deadline = time.time() + TIMEOUT
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            readable, _, _ = select.select([self.from_browser], [], [], max(remaining, 0))
            if not readable:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    del self.events[index]
                    return event
            self.events.append(self.receive())
        raise TimeoutError(f"no {method}")

    def close(self, keep_log_as=None):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        if keep_log_as:
            shutil.copy(os.path.join(self.profile, "chromium.log"), keep_log_as)
        shutil.rmtree(self.profile, ignore_errors=True)


# Runs in the page: every chart's marks must lie inside its viewBox, and
# the page must fit the screen's width.
MEASURE = """
(() => {
  const charts = [...document.querySelectorAll('svg')].map((svg, index) => {
    const box = svg.viewBox.baseVal;
    const inner = svg.getBBox();
    const figure = svg.closest('figure');
    const marks = svg.querySelectorAll('rect, line').length;
    const texts = [...svg.querySelectorAll('text')].filter(t => t.getBBox().width > 0).length;
    return {
      id: figure ? figure.id : String(index),
      marks, texts,
      box: [box.x, box.y, box.width, box.height],
      drawn: [inner.x, inner.y, inner.width, inner.height],
      shown: [svg.getBoundingClientRect().width, svg.getBoundingClientRect().height],
    };
  });
  return JSON.stringify({
    charts,
    pageWidth: document.documentElement.scrollWidth,
    screenWidth: window.innerWidth,
    lang: document.documentElement.lang,
    title: document.title,
  });
})()
"""


def check(path, screenshot_prefix):
    problems = []
    browser = Browser()
    try:
        targets = browser.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        session = browser.send(
            "Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}
        )["sessionId"]
        for domain in ["Page", "Runtime", "Log", "Network"]:
            browser.send(f"{domain}.enable", session=session)
        url = "file://" + os.path.abspath(path)
        for width, height in WIDTHS:
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
                session=session,
            )
            browser.send("Page.navigate", {"url": url}, session=session)
            browser.wait_for("Page.loadEventFired", session)
            result = browser.send(
                "Runtime.evaluate", {"expression": MEASURE, "returnByValue": True}, session=session
            )
            page_facts = json.loads(result["result"]["value"])
            if not page_facts["charts"]:
                problems.append(f"{width}px: no chart on the page")
            for chart in page_facts["charts"]:
                where = f"{width}px {chart['id']}"
                if chart["marks"] == 0 or chart["texts"] == 0:
                    problems.append(f"{where}: empty chart")
                if chart["shown"][0] <= 0 or chart["shown"][1] <= 0:
                    problems.append(f"{where}: drawn with no size")
                bx, by, bw, bh = chart["box"]
                dx, dy, dw, dh = chart["drawn"]
                if dx < bx - 0.5 or dy < by - 0.5 or dx + dw > bx + bw + 0.5 or dy + dh > by + bh + 0.5:
                    problems.append(f"{where}: drawn {chart['drawn']} outside its box {chart['box']}")
            if page_facts["pageWidth"] > page_facts["screenWidth"] + 1:
                problems.append(
                    f"{width}px: the page is {page_facts['pageWidth']}px wide, wider than the screen"
                )
            metrics = browser.send("Page.getLayoutMetrics", session=session)
            content = metrics["cssContentSize"]
            shot = browser.send(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": content["height"], "scale": 1},
                },
                session=session,
            )
            name = f"{screenshot_prefix}-{width}px.png"
            with open(name, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
            print(f"check_report: {path} at {width}px: {len(page_facts['charts'])} charts, "
                  f"lang {page_facts['lang']}, screenshot {name}", file=sys.stderr)
        # Printed on A4 (210 x 297 mm, in inches), as the page's @page asks.
        pdf = browser.send(
            "Page.printToPDF",
            {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True},
            session=session,
        )
        document = base64.b64decode(pdf["data"])
        pages = document.count(b"/Type /Page") - document.count(b"/Type /Pages")
        if pages < 1:
            problems.append("the A4 print has no page")
        with open(f"{screenshot_prefix}-a4.pdf", "wb") as file:
            file.write(document)
        print(f"check_report: {path} printed on A4: {pages} pages", file=sys.stderr)
        # Whatever arrived while the pages loaded.
        for event in browser.events:
            method = event.get("method", "")
            params = event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                problems.append(f"console error: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                problems.append(f"exception: {params.get('exceptionDetails', {}).get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                problems.append(f"console error: {params['entry'].get('text')}")
            elif method == "Network.requestWillBeSent":
                requested = params.get("request", {}).get("url", "")
                if not requested.startswith(("file:", "data:", "about:")):
                    problems.append(f"network request: {requested}")
    except Exception as error:
        problems.append(f"the check itself failed: {error!r}")
    finally:
        # Chromium's own log explains a failure; a good run does not need it.
        browser.close(keep_log_as=f"{screenshot_prefix}-chromium.log" if problems else None)
    return problems


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    problems = check(sys.argv[1], sys.argv[2])
    for problem in problems:
        print(f"check_report: {sys.argv[1]}: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
