#!/usr/bin/env bash
# The host's closure writer: a symbolic link to a file of the same tree goes
# in as a copy of that file; a link out of the tree and a prebuilt ELF
# program are refused, named; the same tree gives the same bytes twice.
. "$(dirname "$0")/lib.sh"

mk=$BUILD/host/mkclosure
t=$BUILD/tests/mkclosure
rm -rf "$t"
mkdir -p "$t/tree/sub"
printf 'the target\n' > "$t/tree/sub/target.scm"
ln -s target.scm "$t/tree/sub/link.scm"
"$mk" -o "$t/a.cpio" --tree src "$t/tree" > "$t/out" 2>&1
(mkdir -p "$t/x" && cd "$t/x" && cpio -id --quiet < ../a.cpio) 2> /dev/null
[ -f "$t/x/src/sub/link.scm" ] && [ ! -L "$t/x/src/sub/link.scm" ] &&
	cmp -s "$t/x/src/sub/link.scm" "$t/tree/sub/target.scm" &&
	ok "mkclosure: a link to a file of the tree is stored as a copy" ||
	not_ok "mkclosure: a link to a file of the tree is stored as a copy" "$(cat "$t/out")"
"$mk" -o "$t/b.cpio" --tree src "$t/tree" > /dev/null 2>&1
cmp -s "$t/a.cpio" "$t/b.cpio" && ok "mkclosure: the same tree gives the same bytes" ||
	not_ok "mkclosure: the same tree gives the same bytes" "$(cmp "$t/a.cpio" "$t/b.cpio" 2>&1)"

ln -s /etc/hostname "$t/tree/outside"
out=$("$mk" -o "$t/c.cpio" --tree src "$t/tree" 2>&1)
[ $? -ne 0 ] && [[ $out == *"tree/outside: a symbolic link to outside its tree"* ]] &&
	ok "mkclosure: a link out of the tree is refused, named" ||
	not_ok "mkclosure: a link out of the tree is refused, named" "$out"
rm "$t/tree/outside"

printf '\177ELF\001\001\001' > "$t/tree/prog"
out=$("$mk" -o "$t/d.cpio" --tree src "$t/tree" 2>&1)
[ $? -ne 0 ] && [[ $out == *prog* ]] && ok "mkclosure: a prebuilt ELF program is refused, named" ||
	not_ok "mkclosure: a prebuilt ELF program is refused, named" "$out"
rm -rf "$t"
finish
