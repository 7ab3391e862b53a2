"""Vendor the web view's JavaScript and data from npm: ``python scripts/vendor_web.py``.

For each package in ``src/tidings/web/static/vendor/manifest.json`` it runs ``npm pack NAME@VERSION``
in a scratch folder, checks the tarball against the npm ``integrity`` (sha512) recorded in the
manifest, and copies the listed files to ``vendor/NAME/`` with their own sha512. With ``--add
NAME@VERSION FILE...`` it records a new package (or version) first, taking npm's integrity. The
tests check the vendored files against the manifest (tests/test_web_vendor.py); nothing is
fetched at run time.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src" / "tidings" / "web" / "static" / "vendor"
MANIFEST = VENDOR / "manifest.json"


def sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def pack(name: str, version: str, tmp: Path) -> tuple[Path, str]:
    out = subprocess.run(["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", str(tmp)],
                         capture_output=True, text=True, check=True)
    info = json.loads(out.stdout)[0]
    return tmp / info["filename"], info["integrity"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--add", nargs="+", metavar="SPEC", help="NAME@VERSION then the files to take from it")
    args = ap.parse_args()
    manifest = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {"packages": []}
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        if args.add:
            name, version = args.add[0].rsplit("@", 1)
            _, integrity = pack(name, version, tmp)
            manifest["packages"] = [p for p in manifest["packages"] if p["name"] != name]
            manifest["packages"].append({"name": name, "version": version, "integrity": integrity,
                                         "files": {f: "" for f in args.add[1:]}})
        for pkg in manifest["packages"]:
            tarball, integrity = pack(pkg["name"], pkg["version"], tmp)
            if sri(tarball.read_bytes()) != pkg["integrity"] or integrity != pkg["integrity"]:
                raise SystemExit(f"{pkg['name']}@{pkg['version']}: tarball does not match the recorded integrity")
            dest = VENDOR / pkg["name"]
            dest.mkdir(parents=True, exist_ok=True)
            with tarfile.open(tarball) as tar:
                for inner in pkg["files"]:
                    member = tar.extractfile(f"package/{inner}")
                    if member is None:
                        raise SystemExit(f"{pkg['name']}: no file {inner}")
                    data = member.read()
                    (dest / Path(inner).name).write_bytes(data)
                    pkg["files"][inner] = sri(data)
            print(f"{pkg['name']}@{pkg['version']}: {len(pkg['files'])} files")
    manifest["packages"].sort(key=lambda p: p["name"])
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()
