"""A government website's chrome, as the words it is made of: the 【字号：大 中 小】 bar, print /
close / download / full-screen buttons, breadcrumbs, share bars, "related reports", page
metadata (发布时间 / 来源 / 浏览次数) and the footer (主办单位, ICP备, 网站标识码).

None of it is the document, and its digits (dates, visit counts, record numbers, telephone
numbers) must never become figures. A line is chrome only when it is short and made of these
words: a body sentence that mentions 下载 or 打印 stays.
"""

from __future__ import annotations

import re

#: Words a site's tool bar is made of.
TOOL_WORDS = ("字号", "字体", "大", "中", "小", "默认", "打印", "打印本页", "打印此页", "打印文章",
              "关闭", "关闭窗口", "关闭本页", "下载", "全屏", "全屏阅读", "收藏", "分享", "纠错",
              "我要纠错", "返回顶部", "返回", "顶部", "保存", "转发", "复制链接", "繁体", "简体",
              "繁", "简", "无障碍", "长者模式", "适老化", "登录", "注册", "搜索", "首页", "大字版",
              "English", "RSS", "视力保护色", "A+", "A-")
_TOOL = "|".join(sorted((re.escape(w) for w in TOOL_WORDS), key=len, reverse=True))
_SEP = r"[\s:：|｜/、,，·•]"
#: One bracketed tool button: 【打印】, [关闭], 〔字号：大 中 小〕.
TOOL_BUTTON = re.compile(rf"[【\[〔［]{_SEP}*(?:(?:{_TOOL}){_SEP}*)+[】\]〕］]")
_ONLY_TOOLS = re.compile(rf"^{_SEP}*(?:(?:{_TOOL}){_SEP}*)*$")
#: Lines that begin the way chrome begins (breadcrumbs, share bars, metadata, pagers).
_CHROME_START = re.compile(
    r"^(?:当前位置|您当前的位置|您现在的位置|您的位置|当前所在位置|所在位置|位置：|当前栏目"
    r"|分享到|分享：|扫一扫|微信扫一扫|用手机扫|手机扫码|上一篇|下一篇|上一条|下一条"
    r"|发布时间|发布日期|发布者|发文日期|信息来源|来源：|来源:|作者：|责任编辑|编辑："
    r"|浏览次数|点击数|访问量|阅读数|【字号|字号：|字号:)")
#: Headings of the link lists sites put around an article.
_LIST_HEADING = re.compile(r"^(?:相关(?:报道|链接|阅读|新闻|文章|文件|解读|稿件|推荐|信息)"
                           r"|热点新闻|推荐阅读|热门文章|延伸阅读|更多|附件下载|下载附件)[:：]?$")
#: Words that mark a site's footer.
_FOOTER = re.compile(r"主办单位|承办单位|主办：|承办：|网站标识码|ICP备|ICP证|公网安备|版权所有|"
                     r"Copyright|©|技术支持|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率|"
                     r"政府网站找错|网站纠错")
_BREADCRUMB = re.compile(r"^(?:首页|网站首页|主页)\s*(?:[>＞»›→/]|&gt;)")
#: Chrome lines are short; a paragraph longer than this is the document's.
MAX_CHROME_CHARS = 200


def strip_tool_buttons(line: str) -> str:
    """``line`` without 【打印】-style buttons (never a document's words)."""
    return TOOL_BUTTON.sub("", line).strip()


def is_chrome(line: str) -> bool:
    """Whether a line of a web page is site chrome rather than the document."""
    line = strip_tool_buttons(line)
    if not line or _ONLY_TOOLS.match(line):
        return True
    if len(line) > MAX_CHROME_CHARS:
        return False
    return bool(_CHROME_START.match(line) or _LIST_HEADING.match(line)
                or _BREADCRUMB.match(line) or _FOOTER.search(line))
