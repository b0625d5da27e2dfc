"""The OpenSearch test server (scripts/opensearch.sh) answers and has the analyzers the search needs.

Start it with `eval "$(scripts/opensearch.sh start)"`, which sets OPENSEARCH_URL. Without
OPENSEARCH_URL these tests are skipped, except in CI (CI=true), where they fail.
"""

import json
import urllib.error
import urllib.request

import pytest

from tests.search_backends.conftest import opensearch_url


def _server_url():
    return opensearch_url()


def _request(url, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        pytest.fail(f"{method} {url} answered {error.code}: {error.read().decode(errors='replace')}", pytrace=False)
    except OSError as error:
        pytest.fail(f"{method} {url} failed: {error}", pytrace=False)


def _tokens(url, body):
    answer = _request(f"{url}/_analyze", "POST", body)
    return [token["token"] for token in answer["tokens"]]


def test_the_server_answers_and_is_healthy():
    opensearch_url = _server_url()
    info = _request(f"{opensearch_url}/")
    print(f"{info['version'].get('distribution', 'elasticsearch')} {info['version']['number']} at {opensearch_url}")
    health = _request(f"{opensearch_url}/_cluster/health")
    assert health["status"] in {"green", "yellow"}, health


def test_the_finnish_analyzer_stems_words():
    opensearch_url = _server_url()
    tokens = _tokens(opensearch_url, {"analyzer": "finnish", "text": "perhekeskuksissa"})
    print(f"finnish analyzer: perhekeskuksissa -> {tokens}")
    assert len(tokens) == 1
    assert tokens[0].startswith("perhekesku")
    assert tokens[0] != "perhekeskuksissa", "the Finnish analyzer did not stem the word"


def test_asciifolding_folds_finnish_letters():
    opensearch_url = _server_url()
    text = "Päijät-Häme"
    whole = _tokens(opensearch_url, {"tokenizer": "keyword", "filter": ["lowercase", "asciifolding"], "text": text})
    words = _tokens(opensearch_url, {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"], "text": text})
    print(f"asciifolding: {text} -> {whole} (keyword tokenizer), {words} (standard tokenizer)")
    assert whole == ["paijat-hame"]
    assert words == ["paijat", "hame"]


def test_edge_ngrams_work():
    """Wagtail's index settings use an edge_ngram filter for autocomplete."""
    opensearch_url = _server_url()
    body = {"tokenizer": "standard", "filter": [{"type": "edge_ngram", "min_gram": 1, "max_gram": 4}], "text": "Häme"}
    assert _tokens(opensearch_url, body) == ["H", "Hä", "Häm", "Häme"]
