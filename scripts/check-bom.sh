#!/usr/bin/env bash
# Checks DingBoot's BOM as a new user meets it, against the artifacts installed in the local Maven
# repository (`mvn install` first; scripts/test.sh does both):
#  1. the BOM manages exactly DingBoot's published artifacts (autoconfigure, starter, test kit), at the
#     project's version, and nothing else;
#  2. a fresh application that imports Spring Boot's BOM and DingBoot's BOM compiles against the starter
#     and the test kit declared without a version;
#  3. importing DingBoot's BOM alone manages no Spring Boot artifact (a Spring Boot starter without a
#     version is refused).
# Usage: bash scripts/check-bom.sh [spring-boot-version]   (default: the build's Spring Boot version;
# MAVEN_LOCAL_REPOSITORY names the local repository when it is not ~/.m2/repository)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
boot=${1:-$(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml | head -1)}
repo=${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}
bom="$repo/io/dingboot/dingtalk-spring-boot-dependencies/$version/dingtalk-spring-boot-dependencies-$version.pom"
root="$repo/io/dingboot/dingboot-build/$version/dingboot-build-$version.pom"
for f in "$bom" "$root"; do
  [ -f "$f" ] || { echo "check-bom: $f is not installed; run: mvn -B -ntp install -DskipTests" >&2; exit 1; }
done

fail() { echo "check-bom: FAILED: $*" >&2; exit 1; }

# 1. what the BOM manages, and that its parent manages nothing
managed=$(python3 - "$bom" "$root" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
bom, root = (ET.parse(p).getroot() for p in sys.argv[1:3])
if root.find("m:dependencyManagement", ns) is not None:
    sys.exit("the BOM's parent (dingboot-build) has a dependencyManagement")
for d in bom.findall("m:dependencyManagement/m:dependencies/m:dependency", ns):
    print(d.findtext("m:groupId", namespaces=ns), d.findtext("m:artifactId", namespaces=ns),
          d.findtext("m:version", namespaces=ns), d.findtext("m:scope", default="", namespaces=ns))
PY
) || fail "reading the BOM"
expected='io.dingboot dingtalk-spring-boot-autoconfigure ${project.version} 
io.dingboot dingtalk-spring-boot-starter ${project.version} 
io.dingboot dingtalk-spring-boot-test ${project.version} '
[ "$managed" = "$expected" ] || fail "the BOM manages
$managed
instead of
$expected"
echo "check-bom: the BOM manages exactly autoconfigure, starter and test kit at $version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 2. a new application: Spring Boot's BOM, DingBoot's BOM, starter and test kit without versions
mkdir -p "$work/app/src/main/java/com/example" "$work/app/src/test/java/com/example"
cat > "$work/app/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>bom-user</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-dependencies</artifactId>
        <version>$boot</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
      <dependency>
        <groupId>io.dingboot</groupId>
        <artifactId>dingtalk-spring-boot-dependencies</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.dingboot</groupId>
      <artifactId>dingtalk-spring-boot-starter</artifactId>
    </dependency>
    <dependency>
      <groupId>io.dingboot</groupId>
      <artifactId>dingtalk-spring-boot-test</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-compiler-plugin</artifactId>
          <version>3.14.0</version>
        </plugin>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-resources-plugin</artifactId>
          <version>3.3.1</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
</project>
POM
cat > "$work/app/src/main/java/com/example/Greeter.java" <<'JAVA'
package com.example;

import io.dingboot.user.UserApi;

public class Greeter {

	private final UserApi users;

	public Greeter(UserApi users) {
		this.users = users;
	}

	public String name(String userid) {
		return this.users.get(userid).name();
	}

}
JAVA
cat > "$work/app/src/test/java/com/example/GreeterTests.java" <<'JAVA'
package com.example;

import io.dingboot.test.AutoConfigureFakeDingTalk;
import io.dingboot.test.FakeDingTalk;

@AutoConfigureFakeDingTalk
class GreeterTests {

	FakeDingTalk fake;

}
JAVA
if ! mvn -o -B -q -f "$work/app/pom.xml" test-compile > "$work/app.log" 2>&1; then
  cat "$work/app.log" >&2
  fail "an application importing the BOM does not build (Spring Boot $boot)"
fi
echo "check-bom: an application importing Spring Boot $boot's BOM and DingBoot's BOM builds with the starter and the test kit declared without a version"

# 3. DingBoot's BOM alone hands out no Spring Boot version
mkdir -p "$work/leak"
cat > "$work/leak/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>bom-leak</artifactId>
  <version>1.0</version>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.dingboot</groupId>
        <artifactId>dingtalk-spring-boot-dependencies</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter</artifactId>
    </dependency>
  </dependencies>
</project>
POM
if mvn -o -B -q -f "$work/leak/pom.xml" validate > "$work/leak.log" 2>&1; then
  fail "importing DingBoot's BOM manages org.springframework.boot:spring-boot-starter"
fi
grep -q "'dependencies.dependency.version' for org.springframework.boot:spring-boot-starter:jar is missing" "$work/leak.log" \
  || { cat "$work/leak.log" >&2; fail "the BOM-only project failed for another reason than the missing version"; }
echo "check-bom: importing DingBoot's BOM alone manages no Spring Boot artifact"
