import pytest

from briefing.figures.reading import chinese_to_decimal, format_value, parse_display


@pytest.mark.parametrize(
    ("display", "value"),
    [
        ("2.43万家", 24_300),
        ("432亿元", 43_200_000_000),
        ("超千亿", 100_000_000_000),
        ("超1万亿元", 1_000_000_000_000),
        ("4.15%左右", 4.15),
        ("20.3个百分点", 20.3),
        ("1/2", 0.5),
        ("约为上海的1/5", 0.2),
        ("全国第四", 4),
        ("第十七届", 17),
        ("一保持", 1),
        ("翻番", 2),
        ("没有企业", 0),
        ("4万余名", 40_000),
        ("3.5万多个", 35_000),
        ("1095万元", 10_950_000),
    ],
)
def test_parse_display_reads_the_first_number_in_base_units(display, value):
    assert parse_display(display) == pytest.approx(value)


def test_parse_display_without_a_number_is_none():
    assert parse_display("科技创新") is None


@pytest.mark.parametrize(("text", "value"), [("十", 10), ("十七", 17), ("二十", 20),
                                               ("三百零五", 305), ("两千", 2000), ("万", 10_000)])
def test_chinese_numerals(text, value):
    assert chinese_to_decimal(text) == value


def test_format_value_groups_thousands_and_trims_decimals():
    assert format_value(24300.0) == "24,300"
    assert format_value(4.15) == "4.15"
