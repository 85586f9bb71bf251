"""Korean lexicon samples for tests/test_lexicons.py.

The sentences are invented for these tests. BODY lines are news and blog prose, several opening
with a word that also opens a chrome phrase ("공유", "댓글", "구독", "관련", "최근", "카테고리"), to
prove the phrases leave them alone; CHROME holds news sites' and blog software's (Tistory, Naver
Blog) buttons, headings and widgets.
"""

BODY = [
    "시 의회는 화요일 저녁 긴 토론 끝에 내년도 예산안을 통과시켰다.",
    "공유 주방을 운영하는 청년 창업자들이 늘고 있다고 구청은 밝혔다.",
    "댓글 조작 의혹에 대해 경찰은 수사를 시작했다고 밝혔다.",
    "구독 경제가 커지면서 소비자들의 지출 방식도 바뀌고 있다.",
    "관련 업계는 이번 규제가 중소기업에 부담이 될 것이라고 우려했다.",
    "최근 글로벌 공급망 불안으로 반도체 가격이 크게 올랐다.",
    "카테고리별로 나눠 보면 식품 판매가 가장 많이 늘었다.",
    "공감 능력이 뛰어난 아이들은 친구 관계도 원만하다는 연구 결과가 나왔다.",
]

CHROME = [
    "본문 바로가기",
    "홈",
    "공유하기",
    "페이스북 공유",
    "광고",
    "댓글",
    "댓글 쓰기",
    "관련기사",
    "많이 본 뉴스",
    "맨 위로",
    "공감",
    "구독하기",
    "카테고리",
    "분류 전체보기",
    "최근 글",
    "인기 글",
    "최근 댓글",
    "방명록",
    "이웃추가",
    "댓글 12",
]

DOCS = (
    [
        "본문 바로가기",
        "홈",
        "공유하기",
    ],
    [
        "시 의회는 화요일 저녁 긴 토론 끝에 내년도 예산안을 통과시켰다.",
        "추가 예산의 절반 이상은 학교와 어린이집 보수에 쓰일 예정이라고 시장은 밝혔다.",
        "야당은 이번 예산으로 시의 부채가 더 늘어날 것이라고 비판했다.",
    ],
    [
        "공감",
        "구독하기",
        "관련 글",
        "카테고리",
        "최근 댓글",
        "방명록",
        "댓글 12",
    ],
)
