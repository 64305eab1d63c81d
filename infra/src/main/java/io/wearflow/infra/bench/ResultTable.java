package io.wearflow.infra.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the figures of a run: a table for people (figure, value, unit, target, pass/miss, note)
 * and one {@code BENCH name=... value=... unit=...} line per figure for scripts. A figure without a
 * value prints {@code value=NaN status=not-yet}.
 */
public final class ResultTable {

  private final List<Figure> figures = new ArrayList<>();

  public synchronized void add(Figure figure) {
    figures.add(figure);
  }

  public synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** The human-readable table. */
  public synchronized void printTable(PrintStream out) {
    String[] header = {"figure", "value", "unit", "target", "result", "note"};
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    for (Figure f : figures) {
      rows.add(
          new String[] {
            f.name(),
            Figure.format(f.value()),
            f.unit(),
            f.target() == null ? "" : f.target().toString(),
            f.verdict(),
            f.note()
          });
    }
    int[] widths = new int[header.length - 1];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = row[i];
        // Numbers right-aligned, text left-aligned.
        boolean right = i == 1;
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(right ? pad + cell : cell + pad).append("  ");
      }
      line.append(row[row.length - 1]);
      out.println(line.toString().stripTrailing());
    }
  }

  /** The machine-readable lines, one per figure. */
  public synchronized void printMachineLines(PrintStream out) {
    for (Figure f : figures) {
      out.println(machineLine(f));
    }
  }

  static String machineLine(Figure f) {
    StringBuilder line =
        new StringBuilder("BENCH name=")
            .append(f.name())
            .append(" value=")
            .append(f.measured() ? Figure.format(f.value()) : "NaN")
            .append(" unit=")
            .append(f.unit().replace(' ', '_'));
    if (f.target() != null) {
      line.append(" target=\"").append(f.target()).append('"');
    }
    if (!f.measured()) {
      line.append(" status=not-yet");
    } else if (f.target() != null) {
      line.append(" status=").append(f.verdict());
    }
    return line.toString();
  }
}
