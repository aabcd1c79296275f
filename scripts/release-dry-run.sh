#!/usr/bin/env bash
# A release rehearsal that publishes nothing: builds with -P release, signs with a throwaway GPG key
# made in a temporary GNUPGHOME, and lets central-publishing-maven-plugin stage, bundle and upload the
# deployable artifacts to a stand-in for the Central Portal on 127.0.0.1 (placeholder credentials).
# Then checks what arrived: a user-managed deployment (autoPublish=false) whose bundle has every
# artifact signed (each signature verifies), sources and javadoc jars, the project's LICENSE as
# META-INF/LICENSE in every jar (main, sources and javadoc), and the pom metadata Maven Central asks for.
# See docs/release.md. Extra arguments go to Maven (e.g. -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v gpg >/dev/null 2>&1 || { echo "release-dry-run: gpg is missing (Debian package: gnupg)" >&2; exit 2; }

work=$(mktemp -d)
portal_pid=""
cleanup() {
  [ -z "$portal_pid" ] || kill "$portal_pid" 2>/dev/null || true
  gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key 'DingBoot release dry run <release-dry-run@dingboot.invalid>' ed25519 sign 1d
cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <server>
      <id>central</id>
      <username>dry-run</username>
      <password>dry-run</password>
    </server>
  </servers>
</settings>
XML

# the stand-in portal: takes the upload, records it, and answers that the deployment is validated
cat > "$work/portal.py" <<'PY'
import http.server, json, sys, urllib.parse
record = sys.argv[1]

class Portal(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if url.path == "/api/v1/publisher/upload":
            with open(record + ".bundle", "wb") as f:
                f.write(body)
            with open(record + ".json", "w") as f:
                json.dump({"query": query, "authorization": self.headers.get("Authorization", "")}, f)
            self.answer(201, "text/plain", b"dry-run-deployment")
        elif url.path == "/api/v1/publisher/status":
            state = {"deploymentId": "dry-run-deployment", "deploymentName": "dry run", "deploymentState": "VALIDATED",
                     "purls": []}
            self.answer(200, "application/json", json.dumps(state).encode())
        else:
            self.answer(404, "text/plain", b"not found")

    def answer(self, status, kind, body):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Portal)
with open(record + ".port", "w") as f:
    f.write(str(server.server_port))
server.serve_forever()
PY
python3 "$work/portal.py" "$work/upload" &
portal_pid=$!
for _ in $(seq 50); do [ -s "$work/upload.port" ] && break; sleep 0.1; done
[ -s "$work/upload.port" ] || { echo "release-dry-run: the stand-in portal did not start" >&2; exit 1; }

mvn -B -ntp -s "$work/settings.xml" -P release deploy -DcentralBaseUrl="http://127.0.0.1:$(cat "$work/upload.port")" "$@"

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
bundle=target/central-publishing/central-bundle.zip
[ -f "$bundle" ] || { echo "release-dry-run: no $bundle" >&2; exit 1; }
[ -s "$work/upload.json" ] || { echo "release-dry-run: nothing reached the stand-in portal" >&2; exit 1; }
cmp -s <(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().count(open(sys.argv[2], "rb").read()))' "$work/upload.bundle" "$bundle") <(echo 1) \
  || { echo "release-dry-run: the upload is not $bundle" >&2; exit 1; }
python3 - "$work/upload.json" <<'PY'
import base64, json, sys
upload = json.load(open(sys.argv[1]))
if upload["query"].get("publishingType") != ["USER_MANAGED"]:
    sys.exit(f"release-dry-run: the deployment is {upload['query'].get('publishingType')}, not USER_MANAGED (autoPublish=false)")
if upload["authorization"] != "UserToken " + base64.b64encode(b"dry-run:dry-run").decode():
    sys.exit("release-dry-run: the upload did not carry the central server's user token")
print("release-dry-run: the stand-in portal received one user-managed deployment (published only by hand), with the central server's credentials")
PY
mkdir "$work/bundle"
(cd "$work/bundle" && unzip -q "$OLDPWD/$bundle")
python3 - "$work/bundle" "$version" <<'PY'
import os, subprocess, sys, zipfile, xml.etree.ElementTree as ET
root, version = sys.argv[1], sys.argv[2]
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
base = os.path.join(root, "io", "dingboot")
license_text = open("LICENSE", "rb").read()
expected = {
    "dingboot-build": "pom", "dingboot-parent": "pom", "dingtalk-spring-boot-dependencies": "pom",
    "dingtalk-spring-boot-autoconfigure": "jar", "dingtalk-spring-boot-starter": "jar", "dingtalk-spring-boot-test": "jar",
}
found = sorted(os.listdir(base))
problems = []
if found != sorted(expected):
    problems.append(f"bundle holds {found}, expected {sorted(expected)}")
for artifact, packaging in expected.items():
    folder = os.path.join(base, artifact, version)
    if not os.path.isdir(folder):
        continue
    files = set(os.listdir(folder))
    stem = f"{artifact}-{version}"
    wanted = [stem + ".pom"] + ([stem + ".jar", stem + "-sources.jar", stem + "-javadoc.jar"] if packaging == "jar" else [])
    for name in wanted:
        for suffix in ("", ".asc", ".md5", ".sha1"):
            if name + suffix not in files:
                problems.append(f"{artifact}: {name + suffix} missing")
        if name + ".asc" in files:
            check = subprocess.run(["gpg", "--batch", "--verify", os.path.join(folder, name + ".asc"), os.path.join(folder, name)],
                                   capture_output=True)
            if check.returncode != 0:
                problems.append(f"{artifact}: the signature of {name} does not verify")
        if name.endswith(".jar") and name in files:
            with zipfile.ZipFile(os.path.join(folder, name)) as jar:
                if "META-INF/LICENSE" not in jar.namelist():
                    problems.append(f"{artifact}: {name} has no META-INF/LICENSE")
                elif jar.read("META-INF/LICENSE") != license_text:
                    problems.append(f"{artifact}: the META-INF/LICENSE of {name} is not the project's LICENSE")
    pom = ET.parse(os.path.join(folder, stem + ".pom")).getroot()
    def effective(path):
        # metadata is inherited from dingboot-build, itself in the bundle
        node, current = pom.find(path, ns), pom
        while node is None:
            parent = current.find("m:parent/m:artifactId", ns)
            if parent is None:
                return None
            current = ET.parse(os.path.join(base, parent.text, version, f"{parent.text}-{version}.pom")).getroot()
            node = current.find(path, ns)
        return node
    for path in ("m:name", "m:description", "m:url", "m:licenses/m:license/m:name", "m:developers/m:developer/m:name",
                 "m:scm/m:url", "m:scm/m:connection"):
        node = effective(path)
        if node is None or not (node.text or "").strip():
            problems.append(f"{artifact}: pom has no {path.replace('m:', '')}")
    print(f"release-dry-run: {artifact} {version}: " + ", ".join(sorted(n for n in files if not n.endswith((".md5", ".sha1", ".sha256", ".sha512")))))
if problems:
    print("release-dry-run: FAILED", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"release-dry-run: the bundle holds {len(expected)} artifacts, each signed, with sources, javadoc, LICENSE and complete pom metadata; nothing left this machine")
PY
