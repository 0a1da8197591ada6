"""The survey form in a real browser (issue 16): a phone-sized headless Chromium against the
real `skm serve`, with JavaScript on and off; what is submitted must be in the store."""
import os
import shutil
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

import harness

AGENCY = "bengkulu-selatan"


def fill(d, answers, extra=True):
    """Clicks the label of each answer (as a thumb would) and fills the optional fields."""
    for code, value in answers.items():
        label = d.find_element(By.CSS_SELECTOR, f'label[for="{code}-{value}"]')
        d.execute_script("arguments[0].scrollIntoView({block:'center'})", label)
        label.click()
    if extra:
        d.find_element(By.CSS_SELECTOR, 'label[for="gender-P"]').click()
        d.find_element(By.ID, "age").send_keys("41")
        Select(d.find_element(By.ID, "education")).select_by_value("SMA")
        d.find_element(By.ID, "saran").send_keys("Ruang tunggu perlu kipas")
        d.find_element(By.ID, "ticket").send_keys("B-042")


def submit(d):
    button = d.find_element(By.CSS_SELECTOR, 'button[type="submit"]')
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", button)
    button.click()


def stored(server, service):
    return server.query("SELECT answers, gender, age, education, saran, transaction_id FROM response "
                        "WHERE agency = ? AND service = ? AND id LIKE 'form-%' ORDER BY batch", AGENCY, service)


# WCAG 2 contrast of every visible piece of text against the first opaque background behind it.
LOW_CONTRAST = """
const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const opaque = c => !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent';
const back = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (opaque(c)) return c; }
  return 'rgb(255, 255, 255)'; };
return [...document.querySelectorAll('body *')].filter(e => e.offsetParent !== null &&
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .map(e => { const a = lum(getComputedStyle(e).color), b = lum(back(e));
    return [e.tagName + '.' + e.className, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
  .filter(([, ratio]) => ratio < 4.5).map(([what, ratio]) => what + ' ' + ratio.toFixed(2));
"""


def layout_checks(d, check, what, viewport=360):
    width = d.execute_script("return document.documentElement.scrollWidth")
    check(width <= viewport, f"{what}: no horizontal scrolling at {viewport} px (scrollWidth {width})")
    small = d.execute_script("""
        return [...document.querySelectorAll('label.opt, select, input[type=text], input[type=number], textarea, button, a.lang')]
          .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
          .map(e => e.tagName + '#' + (e.id || e.htmlFor || e.className));""")
    check(not small, f"{what}: every touch target is at least 44 px tall {small}")
    unlabelled = d.execute_script("""
        return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
          .filter(e => e.id !== 'website' && !(e.labels && e.labels.length)).map(e => e.name);""")
    check(not unlabelled, f"{what}: every input has a label {unlabelled}")


def main():
    check = harness.Check()
    started = time.time()
    server = harness.Server(setup=[("token", "kiosk", "--agency", AGENCY, "--open")])
    try:
        services = [r[0] for r in server.query("SELECT DISTINCT code FROM service WHERE agency = ? ORDER BY code", AGENCY)]
        service = services[0]
        form_url = f"{server.base}/s/{AGENCY}/{service}"
        first = {f"U{i}": (i - 1) % 4 + 1 for i in range(1, 10)}
        second = {f"U{i}": 4 - (i - 1) % 4 for i in range(1, 10)}

        print(f"JavaScript on, {form_url}")
        with harness.browser() as d:
            d.get(form_url)
            check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "id", "page language is id")
            layout_checks(d, check, "form")
            counter = d.find_element(By.ID, "saran-count")
            fill(d, first)
            check(counter.is_displayed() and counter.text == "24 / 1000", f"saran counter shown ({counter.text!r})")
            shot = harness.screenshot(d, "survey-form")
            submit(d)
            WebDriverWait(d, 15).until(lambda d: "sent=1" in d.current_url)
            check(d.find_element(By.TAG_NAME, "h1").text == "Terima kasih!", "thank-you page after submitting")
            harness.screenshot(d, "survey-thanks")
            rows = stored(server, service)
            check(rows == [("123412341", "P", 41, "SMA", "Ruang tunggu perlu kipas", "B-042")], f"stored with the right unsur values {rows}")
            d.refresh()  # reloading the thank-you page posts nothing again
            check(len(stored(server, service)) == 1, "reloading the thank-you page stores nothing")

            print("accessibility")
            d.get(form_url)
            low = d.execute_script(LOW_CONTRAST)
            check(not low, f"every text has contrast of at least 4.5:1 {low[:5]}")
            # The keyboard alone: Tab to the first question's answers, arrow keys to choose.
            body = d.find_element(By.TAG_NAME, "body")
            body.send_keys(Keys.TAB)
            for _ in range(40):
                if (d.switch_to.active_element.get_attribute("name") or "") == "U1":
                    break
                d.switch_to.active_element.send_keys(Keys.TAB)
            d.switch_to.active_element.send_keys(Keys.SPACE)
            d.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
            chosen = [i for i in range(1, 5) if d.find_element(By.ID, f"U1-{i}").is_selected()]
            check(len(chosen) == 1, f"the first question is answered with the keyboard alone {chosen}")

            print("missing answer")
            d.get(form_url + "?lang=en")
            fill(d, {k: v for k, v in second.items() if k != "U5"}, extra=False)
            submit(d)
            WebDriverWait(d, 15).until(lambda d: d.find_elements(By.ID, "U5-error"))
            check(d.find_element(By.ID, "U5-error").text == "Choose one answer.", "the problem is next to its question, in English")
            kept = all(d.find_element(By.ID, f"{k}-{v}").is_selected() for k, v in second.items() if k != "U5")
            check(kept, "every other answer is still selected")
            check(len(stored(server, service)) == 1, "nothing stored for the refused form")
            d.find_element(By.CSS_SELECTOR, 'label[for="U5-1"]').click()
            submit(d)
            WebDriverWait(d, 15).until(lambda d: "sent=1" in d.current_url)
            check([r[0] for r in stored(server, service)][1:] == ["432113214"], "the corrected form is stored once")

            print("kiosk mode")
            d.get(f"{server.base}/s/{AGENCY}?kiosk=1")
            Select(d.find_element(By.ID, "service")).select_by_value(services[-1])
            fill(d, first, extra=False)
            submit(d)
            WebDriverWait(d, 15).until(lambda d: "sent=1" in d.current_url)
            WebDriverWait(d, 15).until(lambda d: "sent=1" not in d.current_url)
            check(d.current_url.endswith(f"/s/{AGENCY}?kiosk=1") and not d.find_element(By.ID, "U1-1").is_selected(),
                  "a kiosk returns to an empty form by itself")

        print("200 % zoom on a 360 px phone (a 180 px wide layout viewport)")
        with harness.browser(width=180, height=370) as d:
            d.get(form_url)
            layout_checks(d, check, "form at 200 % zoom", viewport=180)
            harness.screenshot(d, "survey-form-zoom200", max_height=1200)

        print("JavaScript off")
        with harness.browser(javascript=False) as d:
            d.get(form_url)
            check(not d.find_element(By.ID, "saran-count").is_displayed(), "no counter without JavaScript (the hint says the limit)")
            layout_checks(d, check, "form without JavaScript")
            fill(d, second)
            submit(d)
            WebDriverWait(d, 15).until(lambda d: "sent=1" in d.current_url)
            check(d.find_element(By.TAG_NAME, "h1").text == "Terima kasih!", "thank-you page without JavaScript")
            rows = stored(server, service)
            check(len(rows) == 3 and rows[-1][0] == "432143214", f"stored without JavaScript {rows[-1]}")

        docs = os.path.join(harness.ROOT, "docs", "survey-form.png")
        if os.environ.get("SKM_UPDATE_DOCS_SCREENSHOT"):
            shutil.copyfile(shot, docs)
    finally:
        server.stop()
    print(f"browser test took {time.time() - started:.1f} s; screenshots in {harness.ARTIFACTS}")
    return check.close()


if __name__ == "__main__":
    sys.exit(main())
