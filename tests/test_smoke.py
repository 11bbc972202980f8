import json


def test_record_then_list_json(run, vocab_store):
    result = run(
        "record",
        "--side",
        "روسيا",
        "--round",
        "geneva",
        "--topic",
        "missiles",
        "--kind",
        "demand",
        "No missiles",
    )
    assert result.exit_code == 0, result.stderr
    claim_id = result.stdout.strip()
    listed = json.loads(run("list", "--format", "json").stdout)
    assert [c["id"] for c in listed] == [claim_id]
    assert listed[0]["side"] == "russia"
    assert listed[0]["date"] == "2022-01-10"
