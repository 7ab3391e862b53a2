"""The vendored JavaScript and data of the web view are the npm packages the manifest pins: each
file's sha512 matches, nothing else is in the folder, the pages load only vendored or own files,
and the package data ships them."""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "src" / "tidings" / "web"
VENDOR = WEB / "static" / "vendor"


def sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def manifest() -> dict:
    return json.loads((VENDOR / "manifest.json").read_text())


def test_vendored_files_match_the_manifest_hashes():
    listed = set()
    for pkg in manifest()["packages"]:
        assert re.fullmatch(r"\d+\.\d+\.\d+", pkg["version"]), pkg["name"]
        assert re.fullmatch(r"sha512-[A-Za-z0-9+/]{86}==", pkg["integrity"]), pkg["name"]
        assert "LICENSE" in pkg["files"]
        for inner, digest in pkg["files"].items():
            path = VENDOR / pkg["name"] / Path(inner).name
            assert sri(path.read_bytes()) == digest, f"{path} differs from {pkg['name']}@{pkg['version']}/{inner}"
            listed.add(path)
    present = {p for p in VENDOR.rglob("*") if p.is_file() and p.name != "manifest.json"}
    assert present == listed


def test_pages_load_only_files_that_are_vendored_or_our_own():
    names = {p["name"] for p in manifest()["packages"]}
    assert {"d3-geo", "topojson-client", "world-atlas"} <= names
    for template in (WEB / "templates").glob("*.html"):
        html = template.read_text()
        assert "http://" not in html and "https://" not in html and "//cdn" not in html, template.name
        for ref in re.findall(r'(?:src|href|data-atlas)="(/static/[^"]+)"', html):
            assert (WEB / ref.removeprefix("/")).is_file(), (template.name, ref)
    js = (WEB / "static" / "map.js").read_text()
    assert "innerHTML" not in js and "http" not in js.replace("http://www.w3.org/2000/svg", "")


def test_package_data_ships_every_web_file():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["tidings"]
    package = ROOT / "src" / "tidings"
    for path in WEB.rglob("*"):
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts:
            rel = path.relative_to(package).as_posix()
            assert any(fnmatch.fnmatch(rel, p) and rel.count("/") == p.count("/") for p in patterns), rel
