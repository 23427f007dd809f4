import groovy.json.JsonSlurper
import javax.imageio.ImageIO

def report = new JsonSlurper().parse(new File(basedir, 'target/ctime/report.json'))
assert report.profiles*.name == ['o1', 'o3', 'o3-fat']
def history = new File(basedir, 'target/ctime/history.jsonl').readLines().findAll { it.trim() }
assert history.size() == 2 : 'one history line per measuring run'

// The site page, rendered through Doxia with the site's skin around it.
def page = new File(basedir, 'target/site/ctime.html')
assert page.isFile()
def html = page.text
// The data behind the page and the report's published JSON Schema, beside it.
def schema = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/site/ctime/report.schema.json'))
assert schema.'$schema' == 'https://json-schema.org/draft/2020-12/schema'
assert schema.title.startsWith('ctime report, schema ')
assert new File(basedir, 'target/site/ctime/report.json').length() > 0
// What the compiler produced: codegen units and the top LLVM IR producers, measured and shown.
assert html.contains('codegen units used') && html.contains('most LLVM IR')
assert html.contains('ctime: build profiles of it-basic')
assert html.contains('Recommendation')
// The page tells report.json's decision: always a recommendation with the block to paste and its bound, and what it
// could not tell apart where something is open.
assert report.decision.state == 'recommended'
assert html.contains('use profile ' + report.decision.recommended) && html.contains('[profile.release]')
assert html.contains(report.decision.bound.status == 'settled' ? 'settled' : 'bounded')
if (report.decision.undecided) assert html.contains('<table class="table table-striped undecided">')
// Pareto, cost against size, two history charts, and the phases where a nightly toolchain measured them.
def phased = report.profiles.any { it.analysis?.phases?.total != null }
// And the runs behind the decision, one strip chart per kernel function of the workload.
def charts = 4 + (phased ? 1 : 0) + report.decision.workload.items.size()
assert (html =~ /<svg /).count == charts
assert phased || html.contains('No phase split was measured: -Ztime-passes needs a nightly toolchain')
assert (html =~ /class="ctime-chart strips"/).count == report.decision.workload.items.size()
// The heat map of every figure against the reference, coloured by verdict, with the intervals in the tooltips.
assert html.contains('<table class="heatmap"')
report.comparisons.findAll { it.verdict == 'equivalent' }.each { c -> assert html.contains("=${String.format(Locale.ROOT, '%.2f', c.ratio)}x") }
assert html.contains('class="ctime-chart pareto"')
// Tables keep the skin's styling classes beside ctime's own.
assert html.contains('<table class="table table-striped break-even">') : 'the site skin styles tables by its classes'

assert (html =~ /class="point/).count == 3
assert html.contains('class="ctime-chart lines"')
// User strings are escaped: the label with <, > and quotes appears only escaped.
assert !html.contains('it <run> "one"')
assert html.contains('it &lt;run&gt;')
// The skin's frame is there (navigation from site.xml or the default menu).
assert html.contains('</html>') && (html.contains('bodyColumn') || html.contains('class="main-body"') || html.contains('<main'))

// The standalone page: every chart drawn by a real browser.
def standalone = new File(basedir, 'target/ctime/report.html')
assert standalone.isFile()
// ctime:report on its own (the third goal) rendered it again, after the site.
assert standalone.lastModified() >= page.lastModified() : 'mvn ctime:report wrote report.html after the site'
def chromium = ['chromium', 'chromium-browser', 'google-chrome'].find { exe ->
    System.getenv('PATH').split(File.pathSeparator).any { new File(it, exe).canExecute() }
}
assert chromium != null : 'headless Chromium is needed to check the page (Debian: apt-get install chromium; .ci/run installs it)'
def flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--hide-scrollbars', "--user-data-dir=${new File(basedir, 'target/chromium')}"]
def run = { List args ->
    def p = ([chromium] + flags + args).execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.consumeProcessOutput(out, err)
    assert p.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(120), java.util.concurrent.TimeUnit.MILLISECONDS)
    return out.toString()
}
def url = standalone.toURI().toString()
def dom = run(['--dump-dom', url])
// Counted in the DOM the browser built, not in the file: the SVG was parsed as SVG.
assert (dom =~ /<svg /).count == charts
assert (dom =~ /<circle class="point/).count == 3
assert (dom =~ /<path class="series"/).count >= 3
def png = new File(basedir, 'target/report.png')
run(['--window-size=1400,2600', "--screenshot=${png}", url])
assert png.length() > 10000
def img = ImageIO.read(png)
assert img.width == 1400
// On a phone's width (390 CSS pixels; headless windows are no narrower than 500, so the page is framed at 390) nothing
// makes the page scroll sideways: charts shrink, wide tables scroll within themselves.
def framed = new File(basedir, 'target/framed.html')
framed.text = standalone.text.replace('</body>', '<script>parent.document.body.setAttribute("data-overflow",'
        + ' document.documentElement.scrollWidth + "/" + window.innerWidth);</script></body>')
def host = new File(basedir, 'target/phone.html')
host.text = '<!DOCTYPE html><html><body style="margin:0"><iframe src="framed.html" width="390" height="6000"></iframe></body></html>'
def phoneDom = run(['--allow-file-access-from-files', '--dump-dom', host.toURI().toString()])
def widths = (phoneDom =~ /data-overflow="(\d+)\/(\d+)"/)
assert widths.find() : 'the framed page reported its width'
assert widths.group(2) == '390' && widths.group(1).toInteger() <= 390 : "the page is ${widths.group(1)} px wide on a 390 px screen"
// Not a blank page: count the distinct colours in the chart area.
def colours = [] as Set
for (int y = 0; y < img.height; y += 7) for (int x = 0; x < img.width; x += 7) colours << img.getRGB(x, y)
assert colours.size() > 20 : "the screenshot has only ${colours.size()} colours"
return true
