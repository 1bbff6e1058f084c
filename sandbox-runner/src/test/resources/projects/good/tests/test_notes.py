def test_created_note_can_be_read(client):
    created = client.post("/notes", json={"title": "Shopping", "body": "milk", "priority": 2})
    assert created.status_code == 201
    note_id = created.json()["id"]
    assert client.get(f"/notes/{note_id}").json()["title"] == "Shopping"


def test_note_can_be_updated_and_deleted(client):
    note_id = client.post("/notes", json={"title": "Call"}).json()["id"]
    assert client.patch(f"/notes/{note_id}", json={"priority": 4}).json()["priority"] == 4
    assert client.delete(f"/notes/{note_id}").status_code == 204
    assert client.get(f"/notes/{note_id}").status_code == 404


def test_missing_note_is_404(client):
    assert client.get("/notes/999").status_code == 404
