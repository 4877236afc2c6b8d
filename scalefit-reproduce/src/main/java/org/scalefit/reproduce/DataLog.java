package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.report.Provenance;

/** Reads tables and remembers which, with the SHA-256 of their bytes, for the report's provenance. */
final class DataLog {

    private final TableReader reader;
    private final Map<String, Provenance.DataSource> read = new LinkedHashMap<>();

    DataLog(TableReader reader) {
        this.reader = reader;
    }

    RunTable read(String data, ColumnRequest request) {
        return readWithColumns(data, request).table();
    }

    /** As {@link #read}, with the file columns that were read (e.g. the loss's, which a figure's axis names). */
    TableReader.Read readWithColumns(String data, ColumnRequest request) {
        TableReader.Read columns = reader.readWithColumns(data, request);
        RunTable table = columns.table();
        read.putIfAbsent(data, new Provenance.DataSource(data, table.contentHash(), table.rows() + " rows"));
        return columns;
    }

    /** Remembers a table read elsewhere. */
    void note(RunTable table) {
        note(new Provenance.DataSource(table.source(), table.contentHash(), table.rows() + " rows"));
    }

    /** Remembers data read elsewhere. */
    void note(Provenance.DataSource source) {
        read.putIfAbsent(source.id(), source);
    }

    List<Provenance.DataSource> sources() {
        return new ArrayList<>(read.values());
    }
}
