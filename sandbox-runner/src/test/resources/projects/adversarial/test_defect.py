def test_defect():
    assert 1 + 1 == 3
