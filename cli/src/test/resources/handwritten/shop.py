"""A small service written by hand, with the mistakes people make: no bounds on anything."""
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="Shop")
items: dict[int, "Item"] = {}


class ItemIn(BaseModel):
    name: str
    price: float


class Item(ItemIn):
    id: int


@app.post("/items", status_code=201, response_model=Item)
def create_item(item: ItemIn) -> Item:
    stored = Item(id=len(items) + 1, **item.model_dump())
    items[stored.id] = stored
    return stored


@app.get("/items", response_model=list[Item])
def list_items() -> list[Item]:
    return list(items.values())


@app.get("/items/{item_id}", response_model=Item)
def read_item(item_id: int) -> Item:
    if item_id not in items:
        raise HTTPException(status_code=404, detail="no such item")
    return items[item_id]


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int) -> None:
    if items.pop(item_id, None) is None:
        raise HTTPException(status_code=404, detail="no such item")
