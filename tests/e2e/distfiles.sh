#!/usr/bin/env bash
# The host's check of the distfiles: a missing tree, a tree at another
# commit and a tree with one changed file each stop the build, named; so do
# a pinned file that is missing or has another sha256, and a fetch whose
# URLs give no file with the pinned hash.
. "$(dirname "$0")/lib.sh"

dist=${DISTFILES:-distfiles}
if [ ! -d "$dist/stage0-posix/.git" ]; then
	skip "distfiles: a bad tree stops the build" "$dist/stage0-posix not fetched (make fetch)"
	exit 0
fi
t=$BUILD/tests/distfiles
rm -rf "$t"
mkdir -p "$t/empty"
sources=stages/stage0-posix/sources

out=$(image/distfiles check "$t/empty" "$sources" 2>&1)
[ $? -ne 0 ] && [[ $out == *"stage0-posix: missing (run 'make fetch')"* ]] &&
	ok "distfiles: a missing tree is named" || not_ok "distfiles: a missing tree is named" "$out"

# a throwaway copy of the real trees, so nothing of DISTFILES is touched
mkdir -p "$t/copy"
cp -a "$dist/stage0-posix" "$t/copy/"
out=$(image/distfiles check "$t/copy" "$sources" 2>&1)
[ $? -eq 0 ] && ok "distfiles: the pinned trees pass" || not_ok "distfiles: the pinned trees pass" "$out"

echo "# changed" >> "$t/copy/stage0-posix/x86/hex0_x86.hex0"
out=$(image/distfiles check "$t/copy" "$sources" 2>&1)
[ $? -ne 0 ] && [[ $out == *"stage0-posix/x86: differs from commit"*"hex0_x86.hex0"* ]] &&
	ok "distfiles: a changed file is named" || not_ok "distfiles: a changed file is named" "$out"

git -C "$t/copy/stage0-posix/x86" checkout -q -- . 
git -C "$t/copy/stage0-posix/x86" -c advice.detachedHead=false checkout -q HEAD~1
out=$(image/distfiles check "$t/copy" "$sources" 2>&1)
[ $? -ne 0 ] && [[ $out == *"stage0-posix/x86: checked out at "*", but the pin is 3b9c2bb6d4155e4f2e5f642b5e0f59255dfc5934"* ]] &&
	ok "distfiles: a tree at another commit is named with both commits" || not_ok "distfiles: a tree at another commit is named with both commits" "$out"
rm -rf "$t"

# pinned files, fetched through file:// URLs (no network needed)
mkdir -p "$t/files/dist" "$t/files/up"
printf 'the pinned content\n' > "$t/files/up/good.tar.gz"
printf 'other content\n' > "$t/files/up/bad.tar.gz"
sha=$(sha256sum < "$t/files/up/good.tar.gz" | cut -d' ' -f1)
src=$t/files/sources
echo "file x.tar.gz $sha file://$PWD/$t/files/up/bad.tar.gz" > "$src"
out=$(image/distfiles check "$t/files/dist" "$src" 2>&1)
[ $? -ne 0 ] && [[ $out == *"x.tar.gz: missing (run 'make fetch')"* ]] &&
	ok "distfiles: a missing pinned file is named" || not_ok "distfiles: a missing pinned file is named" "$out"
out=$(image/distfiles fetch "$t/files/dist" "$src" 2>&1)
[ $? -ne 0 ] && [[ $out == *"x.tar.gz: none of its 1 URLs gave the file with the pinned sha256 $sha"* ]] &&
	[ ! -e "$t/files/dist/x.tar.gz" ] && [ ! -e "$t/files/dist/x.tar.gz.part" ] &&
	ok "distfiles: a URL with the wrong file is refused, nothing kept" ||
	not_ok "distfiles: a URL with the wrong file is refused, nothing kept" "$(echo "$out" | tail -1)"
echo "file x.tar.gz $sha file://$PWD/$t/files/up/none.tar.gz file://$PWD/$t/files/up/good.tar.gz" > "$src"
out=$(image/distfiles fetch "$t/files/dist" "$src" 2>&1)
[ $? -eq 0 ] && cmp -s "$t/files/dist/x.tar.gz" "$t/files/up/good.tar.gz" &&
	ok "distfiles: the first URL that gives the pinned file is used" ||
	not_ok "distfiles: the first URL that gives the pinned file is used" "$(echo "$out" | tail -1)"
cp "$t/files/up/bad.tar.gz" "$t/files/dist/x.tar.gz"
out=$(image/distfiles check "$t/files/dist" "$src" 2>&1)
[ $? -ne 0 ] && [[ $out == *"x.tar.gz: sha256 "*", but the pin is $sha"* ]] &&
	ok "distfiles: a pinned file with another sha256 is named" ||
	not_ok "distfiles: a pinned file with another sha256 is named" "$out"
rm -rf "$t"
finish
