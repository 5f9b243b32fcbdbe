/*
 * flash: write the seedboot image to a USB stick, refusing the mistakes
 * that destroy the wrong disk.
 *
 *   flash [--force] [--max-gib N] IMG DEVICE
 *
 * Refuses, unless --force: a DEVICE that is not a whole block device (a
 * partition, a file), one with any partition mounted or used as swap, and
 * one larger than N GiB (default 64: a stick, not the host's disk).  The
 * kernel's own O_EXCL check on block devices backs up the mount check.
 * Then writes IMG from its first byte (holes as zeros), fsyncs, and says
 * how much it wrote.  Each refusal or error is one line, exit status 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <linux/fs.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static void __attribute__((noreturn, format(printf, 2, 3)))
fail(const char *what, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "flash: %s: ", what);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* is NAME (from /dev/NAME) DISK or one of its partitions (sdb1, nvme0n1p2)? */
static int on_disk(const char *name, const char *disk)
{
	size_t n = strlen(disk);

	if (strncmp(name, disk, n) != 0)
		return 0;
	name += n;
	if (*name == 'p')
		name++;
	while (*name >= '0' && *name <= '9')
		name++;
	return *name == 0;
}

/* the first line of FILE whose first field is DISK or a partition of it */
static const char *in_use(const char *file, const char *disk)
{
	static char line[4096], real[4096];
	FILE *f = fopen(file, "r");

	if (!f)
		return NULL;
	while (fgets(line, sizeof line, f)) {
		char *sp = strpbrk(line, " \t");

		if (sp)
			*sp = 0;
		if (strncmp(line, "/dev/", 5) != 0 || !realpath(line, real))
			continue;
		if (on_disk(basename(real), disk)) {
			fclose(f);
			return real;
		}
	}
	fclose(f);
	return NULL;
}

int main(int argc, char **argv)
{
	int force = 0, in, out, i;
	uint64_t max_gib = 64, size, done = 0;
	const char *img, *dev, *use;
	char real[4096], sys[4200], *disk;
	static char buf[4 << 20];
	struct stat st;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--force"))
			force = 1;
		else if (!strcmp(argv[i], "--max-gib") && i + 1 < argc)
			max_gib = strtoull(argv[++i], NULL, 10);
		else
			break;
	}
	if (argc - i != 2) {
		fprintf(stderr, "usage: flash [--force] [--max-gib N] IMG DEVICE\n");
		return 1;
	}
	img = argv[i];
	dev = argv[i + 1];

	if (!realpath(dev, real) || stat(real, &st) != 0)
		fail(dev, "%s", strerror(errno));
	if (!S_ISBLK(st.st_mode))
		fail(dev, "not a block device");
	disk = basename(real);
	snprintf(sys, sizeof sys, "/sys/class/block/%s/partition", disk);
	if (access(sys, F_OK) == 0 && !force)
		fail(dev, "is a partition; give the whole stick (e.g. /dev/sdb, not /dev/sdb1)");
	if ((use = in_use("/proc/self/mounts", disk)) && !force)
		fail(dev, "%s is mounted; unmount it first (or --force)", use);
	if ((use = in_use("/proc/swaps", disk)) && !force)
		fail(dev, "%s is used as swap (or --force)", use);

	in = open(img, O_RDONLY);
	if (in < 0 || fstat(in, &st) != 0)
		fail(img, "%s", strerror(errno));
	out = open(real, O_WRONLY | O_EXCL);
	if (out < 0)
		fail(dev, "cannot open for writing: %s%s", strerror(errno),
		     errno == EBUSY ? " (something holds it: mounted, or in use)" : "");
	if (ioctl(out, BLKGETSIZE64, &size) != 0)
		fail(dev, "cannot read its size: %s", strerror(errno));
	if (size > (max_gib << 30) && !force)
		fail(dev, "is %llu GiB, larger than %llu GiB: not a USB stick? (--force, or --max-gib)",
		     (unsigned long long)(size >> 30), (unsigned long long)max_gib);
	if ((uint64_t)st.st_size > size)
		fail(dev, "is %llu bytes, the image %llu", (unsigned long long)size,
		     (unsigned long long)st.st_size);

	fprintf(stderr, "flash: writing %s (%llu MiB) to %s (%llu MiB)\n", img,
		(unsigned long long)(st.st_size >> 20), real, (unsigned long long)(size >> 20));
	for (;;) {
		ssize_t n = read(in, buf, sizeof buf), w = 0;

		if (n < 0)
			fail(img, "read error: %s", strerror(errno));
		if (n == 0)
			break;
		while (w < n) {
			ssize_t k = write(out, buf + w, n - w);

			if (k <= 0)
				fail(dev, "write error at byte %llu: %s",
				     (unsigned long long)(done + w), strerror(errno));
			w += k;
		}
		done += n;
	}
	if (fsync(out) != 0 || close(out) != 0)
		fail(dev, "cannot flush to the stick: %s", strerror(errno));
	fprintf(stderr, "flash: %llu bytes written to %s and synced; the stick can come out\n",
		(unsigned long long)done, real);
	return 0;
}
