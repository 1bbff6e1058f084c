import pytest


@pytest.fixture()
def signed_in(client):
    def sign_in(name):
        assert client.post("/users", json={"username": name, "password": "long enough"}).status_code == 201
        token = client.post("/token", data={"username": name, "password": "long enough"}).json()
        return {"Authorization": f"Bearer {token['access_token']}"}

    return sign_in


def test_a_signed_in_user_creates_reads_and_deletes_a_note(client, signed_in):
    me = signed_in("ada")
    created = client.post("/notes", json={"title": "Shopping"}, headers=me)
    assert created.status_code == 201
    note_id = created.json()["id"]
    assert client.get(f"/notes/{note_id}", headers=me).json()["title"] == "Shopping"
    assert client.delete(f"/notes/{note_id}", headers=me).status_code == 204


def test_notes_need_a_signed_in_user(client):
    assert client.get("/notes").status_code == 401
    assert client.post("/notes", json={"title": "x"}).status_code == 401


def test_a_wrong_password_is_refused(client, signed_in):
    signed_in("bob")
    assert client.post("/token", data={"username": "bob", "password": "wrong one"}).status_code == 401
