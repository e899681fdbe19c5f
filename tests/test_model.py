"""Records of the read API and their Results: dicts, Arrow tables and DataFrames with the same columns."""

from __future__ import annotations

import pyarrow as pa
import pytest

from dateline.model import AmountRecord, ClusterRecord, EntityRecord, Results, arrow_schema, is_flat, table_row


def _amounts() -> Results:
    return Results([AmountRecord("$5 million", 5e6, "USD", None, None, 10, 20, "a1", "2024-01-02", "T")],
                   AmountRecord)


def test_records_give_the_contracts_names() -> None:
    (d,) = _amounts().to_dicts()
    assert list(d)[:7] == ["text", "value", "unit", "qualifier", "counted", "start", "end"]
    assert d["article_id"] == "a1"


def test_arrow_tables_are_typed_even_when_empty() -> None:
    t = _amounts().to_arrow()
    assert t.schema.field("value").type == pa.float64() and t.num_rows == 1
    empty = Results([], EntityRecord).to_arrow()
    assert empty.num_rows == 0 and empty.schema.field("aliases").type == pa.list_(pa.string())
    assert arrow_schema(EntityRecord).names[:3] == ["id", "name", "type"]
    assert not is_flat(ClusterRecord)  # a dict field: Arrow infers it from the rows


def test_pandas_frames_have_the_columns() -> None:
    pytest.importorskip("pandas")
    frame = _amounts().to_pandas()
    assert frame.loc[0, "value"] == 5e6 and list(frame.columns) == [f for f in _amounts().to_dicts()[0]]
    assert list(Results([], ClusterRecord).to_pandas().columns)[:2] == ["id", "kind"]


def test_a_record_with_nested_fields_fits_a_flat_table() -> None:
    c = ClusterRecord("c1", "near", 3, 2, {"id": "a1", "title": "Port reopens"}, "2024-01-01", None, ["Wire"])
    table = pa.Table.from_pylist([table_row(c)], schema=arrow_schema(ClusterRecord))
    assert table.schema.field("representative").type == pa.string()
    assert table.schema.field("outlets").type == pa.list_(pa.string())
    assert table.to_pylist()[0]["representative"] == '{"id": "a1", "title": "Port reopens"}'
