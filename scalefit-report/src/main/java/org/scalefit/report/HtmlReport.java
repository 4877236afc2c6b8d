package org.scalefit.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalefit.io.AtomicFiles;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.InteractiveSvg;
import org.scalefit.report.plot.XChartRenderer;

/**
 * Writes a {@link Report} as one self-contained directory that opens offline in any browser:
 * <pre>
 *   index.html          the report: inline CSS, inline script, interactive inline SVG figures, tables
 *   figures/&lt;id&gt;.png   each figure drawn by XChart
 *   figures/&lt;id&gt;.svg   the same as an SVG document
 * </pre>
 * The page loads nothing from anywhere: no external style sheet, script, font or image, and no absolute URL; the
 * figure files are linked by relative paths. The script (a few lines, no library) shows a point's label on hover
 * and hides or shows a series when its legend entry is clicked.
 *
 * <p>The directory is written atomically ({@link AtomicFiles#replaceDirectory}): built beside the target and
 * renamed into place, so a reader sees the old report or the new one, never a partial one. An existing target is
 * replaced only if it is empty or is itself a scalefit report (its {@code index.html} carries the generator mark),
 * so that a mistyped {@code --out} never deletes someone's folder.
 *
 * <p>Figures are drawn in parallel (each on its own, the page beside them), then written in order. Given the same
 * report the bytes are the same: nothing here reads a clock, and the provenance's run details
 * (time, timings) are printed only if the report carries them, in their own clearly marked section.
 */
public final class HtmlReport {

    /** The mark in every report's {@code index.html}; only a directory holding it may be replaced. */
    static final String GENERATOR = "<meta name=\"generator\" content=\"scalefit report\">";

    private static final Pattern NUMERIC = Pattern.compile(
            "[−+-]?[0-9][0-9.,]*(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?(?: ?%| s)?(?: \\[.*])?|[−+-]?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|NaN|[−]?∞");

    private HtmlReport() {
    }

    /**
     * Writes {@code report} to the directory {@code target}, replacing a report already there.
     *
     * @throws IllegalArgumentException if {@code target} exists and is neither an empty directory nor a report
     * @throws UncheckedIOException     if writing fails (the target is then left as it was)
     */
    public static void write(Report report, Path target) {
        write(report, target, Map.of());
    }

    /**
     * Writes {@code report} to the directory {@code target} as {@link #write(Report, Path)} does, with
     * {@code attachments} (file name → UTF-8 text, e.g. the report's tables as JSON) beside {@code index.html} in the
     * same atomic replacement.
     *
     * @throws IllegalArgumentException if an attachment name is not a plain file name, or as {@link #write(Report,
     *         Path)}
     */
    public static void write(Report report, Path target, Map<String, String> attachments) {
        for (String name : attachments.keySet()) {
            if (!name.matches("[A-Za-z0-9._-]+") || name.equals("index.html") || name.startsWith(".")) {
                throw new IllegalArgumentException("attachment name '" + name + "' is not a plain file name");
            }
        }
        requireReplaceable(target);
        XChartRenderer renderer = XChartRenderer.standard();
        AtomicFiles.replaceDirectory(target, directory -> {
            Path figures = Files.createDirectory(directory.resolve("figures"));
            // the page (inline SVG of every figure) is written while the figure files are drawn
            CompletableFuture<String> page = CompletableFuture.supplyAsync(() -> html(report));
            List<byte[][]> files = report.figures().parallelStream()
                    .map(figure -> new byte[][] {renderer.png(figure), renderer.svg(figure)}).toList();
            for (int i = 0; i < files.size(); i++) {
                String id = report.figures().get(i).id();
                Files.write(figures.resolve(id + ".png"), files.get(i)[0]);
                Files.write(figures.resolve(id + ".svg"), files.get(i)[1]);
            }
            for (Map.Entry<String, String> attachment : new java.util.TreeMap<>(attachments).entrySet()) {
                Files.writeString(directory.resolve(attachment.getKey()), attachment.getValue(),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(directory.resolve("index.html"), page.join(), StandardCharsets.UTF_8);
        });
    }

    /**
     * Checks, before any work, that {@link #write} may write to {@code target}: it does not exist, or is an empty
     * directory or a scalefit report.
     *
     * @throws IllegalArgumentException if it may not
     */
    public static void requireReplaceable(Path target) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("cannot write the report to " + target + ": it exists and is not a "
                    + "directory");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
        }
        Path index = target.resolve("index.html");
        try {
            if (Files.isRegularFile(index) && Files.readString(index, StandardCharsets.UTF_8).contains(GENERATOR)) {
                return;
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable: not ours, refused below
        }
        throw new IllegalArgumentException("refusing to replace " + target + ": it is a directory with files in it "
                + "and not a scalefit report; choose a new or empty directory");
    }

    /** The text of {@code index.html}. */
    public static String html(Report report) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(GENERATOR).append('\n')
                .append("<title>").append(escape(report.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
        Provenance provenance = report.provenance();
        out.append("<header>\n<h1>").append(escape(report.title())).append("</h1>\n<p class=\"meta\">scalefit ")
                .append(escape(provenance.version()));
        for (Provenance.DataSource data : provenance.data()) {
            out.append(" · ").append(escape(data.id()));
        }
        out.append("</p>\n</header>\n");
        contents(out, report);
        out.append("<main>\n");
        for (Section section : report.sections()) {
            section(out, section);
        }
        provenance(out, provenance);
        out.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void contents(StringBuilder out, Report report) {
        out.append("<nav>\n<ol>\n");
        for (Section section : report.sections()) {
            out.append("<li><a href=\"#").append(section.id()).append("\">").append(escape(section.title()))
                    .append("</a></li>\n");
        }
        out.append("<li><a href=\"#provenance\">Provenance</a></li>\n");
        if (report.provenance().hasRunDetails()) {
            out.append("<li><a href=\"#this-run\">This run</a></li>\n");
        }
        out.append("</ol>\n</nav>\n");
    }

    private static void section(StringBuilder out, Section section) {
        out.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(escape(section.title()))
                .append("</h2>\n");
        blocks(out, section.blocks());
        out.append("</section>\n");
    }

    private static void blocks(StringBuilder out, List<Block> blocks) {
        for (Block block : blocks) {
            if (block instanceof Block.Details details) {
                out.append(details.open() ? "<details open>" : "<details>").append("<summary>")
                        .append(escape(details.summary())).append("</summary>\n");
                blocks(out, details.blocks());
                out.append("</details>\n");
            } else if (block instanceof Block.Text text) {
                out.append("<p>").append(escape(text.text())).append("</p>\n");
            } else if (block instanceof Block.Facts facts) {
                facts(out, facts.facts());
            } else if (block instanceof Block.Table table) {
                table(out, table.caption(), table.header(), table.rows());
            } else if (block instanceof Block.Plot plot) {
                figure(out, plot);
            }
        }
    }

    private static void facts(StringBuilder out, List<Block.Fact> facts) {
        out.append("<dl class=\"facts\">\n");
        for (Block.Fact fact : facts) {
            out.append("<dt>").append(escape(fact.name())).append("</dt><dd><span class=\"value\">")
                    .append(escape(fact.value())).append("</span>");
            if (!fact.detail().isEmpty()) {
                out.append(" <span class=\"detail\">").append(escape(fact.detail())).append("</span>");
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    private static void table(StringBuilder out, String caption, List<String> header, List<List<String>> rows) {
        out.append("<div class=\"table\"><table>\n");
        if (!caption.isEmpty()) {
            out.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (String heading : header) {
            out.append("<th>").append(escape(heading)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append(NUMERIC.matcher(cell).matches() ? "<td class=\"num\">" : "<td>").append(escape(cell))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private static void figure(StringBuilder out, Block.Plot plot) {
        Figure figure = plot.figure();
        out.append("<figure class=\"plot\">\n<h3>").append(escape(figure.title())).append("</h3>\n")
                .append(InteractiveSvg.html(figure)).append("<figcaption>");
        if (!plot.caption().isEmpty()) {
            out.append(escape(plot.caption())).append(' ');
        }
        out.append("<span class=\"files\">Files: <a href=\"figures/").append(figure.id())
                .append(".png\">PNG</a> · <a href=\"figures/").append(figure.id()).append(".svg\">SVG</a></span>")
                .append("</figcaption>\n</figure>\n");
    }

    private static void provenance(StringBuilder out, Provenance provenance) {
        out.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        out.append("<p>Everything above was computed by scalefit ").append(escape(provenance.version()))
                .append(" from the data and options below; the same data and options give the same numbers and "
                        + "figures.</p>\n");
        table(out, "Data read", List.of("data", "SHA-256", "contents"), provenance.data().stream()
                .map(d -> List.of(d.id(), d.sha256(), d.summary())).toList());
        table(out, "Options", List.of("option", "value"), provenance.options().entrySet().stream()
                .map(e -> List.of(e.getKey(), e.getValue())).toList());
        out.append("</section>\n");
        if (provenance.hasRunDetails()) {
            out.append("<section id=\"this-run\" class=\"run\">\n<h2>This run</h2>\n<p>When this report was made "
                    + "and how long each step took: these change from run to run (leave them out with "
                    + "--no-timestamps for a byte-identical report).</p>\n");
            if (provenance.generatedAt() != null) {
                out.append("<p>Generated at <time>").append(escape(provenance.generatedAt())).append("</time></p>\n");
            }
            if (!provenance.seconds().isEmpty()) {
                table(out, "Timings", List.of("step", "seconds"), provenance.seconds().entrySet().stream()
                        .map((Map.Entry<String, Double> e) -> List.of(e.getKey(), Numbers.fixed(e.getValue(), 2)))
                        .toList());
            }
            out.append("</section>\n");
        }
    }

    private static String escape(String text) {
        return InteractiveSvg.escape(text);
    }

    private static final String CSS = """
            :root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #1f5fa8; --paper: #ffffff; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif;
                   color: var(--ink); background: var(--paper); }
            header, nav, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
            header h1 { margin: 24px 0 4px; font-size: 26px; }
            .meta { margin: 0 0 12px; color: var(--muted); }
            nav ol { margin: 0; padding: 8px 0 12px 2em; columns: 3 220px; column-gap: 3em;
                     border-bottom: 1px solid var(--rule); }
            nav li { break-inside: avoid; }
            a { color: var(--accent); }
            section { margin: 28px 0 40px; }
            h2 { font-size: 21px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
            h3 { font-size: 16px; margin: 0 0 6px; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 12px 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            dl.facts dd { min-width: 0; overflow-wrap: anywhere; }
            .value { font-variant-numeric: tabular-nums; font-weight: 600; }
            .detail { color: var(--muted); }
            .table { overflow-x: auto; margin: 12px 0; }
            table { border-collapse: collapse; font-size: 14px; }
            caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
            th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: left; }
            th { background: #f4f5f7; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure.plot { margin: 22px 0; padding: 12px; border: 1px solid var(--rule); border-radius: 6px; }
            .figure { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px; }
            .plot-area { position: relative; flex: 1 1 640px; max-width: 820px; }
            svg.plot { width: 100%; height: auto; display: block; font-size: 12px; fill: var(--ink); }
            svg.plot .grid line { stroke: #ebebeb; }
            svg.plot .frame { fill: none; stroke: #888; }
            svg.plot .axis-label { font-size: 13px; }
            svg.plot .band { fill-opacity: 0.2; stroke: none; }
            svg.plot .hit { fill: transparent; }
            svg.plot [data-l]:hover { stroke: #000; stroke-width: 1.5; }
            svg.plot path[data-l]:hover { stroke-width: 3; }
            svg.plot .off { display: none; }
            .tip { position: absolute; pointer-events: none; background: rgba(255,255,255,0.96); border: 1px solid #999;
                   border-radius: 4px; padding: 3px 7px; font-size: 12.5px; max-width: 360px; z-index: 2;
                   box-shadow: 0 1px 4px rgba(0,0,0,0.15); }
            ul.legend { list-style: none; margin: 0; padding: 4px 0; flex: 0 1 230px; font-size: 13px; }
            ul.legend li { cursor: pointer; user-select: none; white-space: nowrap; padding: 1px 4px; border-radius: 3px; }
            ul.legend li:hover, ul.legend li:focus { background: #eef2f8; outline: none; }
            ul.legend li.off { opacity: 0.35; text-decoration: line-through; }
            ul.legend li.color-key, ul.legend li.color-key:hover { cursor: default; background: none; margin-top: 6px; }
            ul.legend svg.swatch { vertical-align: middle; margin-right: 6px; }
            figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; }
            details { margin: 6px 0; border: 1px solid var(--rule); border-radius: 4px; padding: 2px 10px; }
            details > summary { cursor: pointer; padding: 3px 0; font-variant-numeric: tabular-nums; }
            details[open] > summary { border-bottom: 1px solid var(--rule); margin-bottom: 4px; }
            .files { white-space: nowrap; }
            section.run { background: #fafafa; border: 1px dashed var(--rule); padding: 4px 16px; }
            @media (max-width: 640px) {
              header, nav, main { padding: 0 10px; }
              dl.facts { grid-template-columns: 1fr; }
              dl.facts dt { margin-top: 6px; }
              figure.plot { padding: 4px; }
              ul.legend li { white-space: normal; }
            }
            """;

    private static final String SCRIPT = """
            (function () {
              'use strict';
              document.querySelectorAll('.figure').forEach(function (figure) {
                var area = figure.querySelector('.plot-area');
                var tip = figure.querySelector('.tip');
                var plot = figure.querySelector('svg.plot');
                plot.addEventListener('mousemove', function (event) {
                  var target = event.target.closest('[data-l]');
                  if (!target) { tip.hidden = true; return; }
                  var box = area.getBoundingClientRect();
                  tip.textContent = target.getAttribute('data-l');
                  tip.hidden = false;
                  var left = event.clientX - box.left + 14;
                  if (left + tip.offsetWidth > box.width) { left = Math.max(0, event.clientX - box.left - tip.offsetWidth - 14); }
                  tip.style.left = left + 'px';
                  tip.style.top = (event.clientY - box.top + 14) + 'px';
                });
                plot.addEventListener('mouseleave', function () { tip.hidden = true; });
                figure.querySelectorAll('ul.legend li[data-s]').forEach(function (item) {
                  function toggle() {
                    var off = item.classList.toggle('off');
                    item.setAttribute('aria-pressed', off ? 'false' : 'true');
                    plot.querySelectorAll('g[data-s="' + item.getAttribute('data-s') + '"]').forEach(function (group) {
                      group.classList.toggle('off', off);
                    });
                  }
                  item.addEventListener('click', toggle);
                  item.addEventListener('keydown', function (event) {
                    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); }
                  });
                });
              });
              document.body.setAttribute('data-ready', 'true');
            })();
            """;
}
