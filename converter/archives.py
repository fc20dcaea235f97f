"""Unpack a zip or tar archive someone handed us, refusing anything that could escape the target.

Grammar packages (``jatsconv schemas install --from FILE``, the registry tarball) are archives
from outside. ``tarfile``'s own safety filter (``filter="data"``) only exists from Python 3.11.4
and 3.12, and its rules have shifted between releases, so this module checks every member itself
and writes regular files and folders with its own code: the same archive is accepted or refused
with the same one-line reason on every Python from 3.11.0 on.

Refused, with nothing installed: absolute names and names that climb out with ``..``;
symbolic links that are absolute or point outside the target; hard links; devices, FIFOs and any
other special member; more than ``MAX_MEMBERS`` members or ``MAX_BYTES`` unpacked (an archive
bomb). Permissions and owners in the archive are ignored (files 0644, folders 0755).
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tarfile
import zipfile
import zlib
from pathlib import Path

from converter.errors import SetupError
from converter.messages import shorten

MAX_MEMBERS = 100_000
MAX_BYTES = 2 * 1024**3  # the JATS DTD package unpacks to about 30 MB


def _refuse(source: Path, member: str, why: str) -> SetupError:
    shown = shorten(member, 120)
    return SetupError(f"{source}: unsafe archive member {shown!r}: {why}; nothing installed")


def _inside(name: str) -> str | None:
    """The member's path relative to the target, or None when it is absolute or climbs out."""
    if not name or name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return None
    normal = posixpath.normpath(name.replace("\\", "/"))
    if normal == ".":
        return ""
    if normal == ".." or normal.startswith("../"):
        return None
    return normal


def _check_tar(source: Path, members: list[tarfile.TarInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise SetupError(f"{source}: more than {MAX_MEMBERS:,} members; nothing installed")
    total = 0
    for member in members:
        relative = _inside(member.name)
        if relative is None:
            raise _refuse(source, member.name, "absolute path or path outside the folder")
        if member.issym():
            link = member.linkname
            if (
                link.startswith("/")
                or _inside(posixpath.join(posixpath.dirname(relative), link)) is None
            ):
                raise _refuse(source, member.name, f"symbolic link to {link!r} outside the folder")
        elif member.islnk():
            raise _refuse(source, member.name, "hard link")
        elif not (member.isfile() or member.isdir()):
            raise _refuse(source, member.name, "device, FIFO or other special file")
        total += member.size if member.isfile() else 0
        if total > MAX_BYTES:
            raise SetupError(
                f"{source}: unpacks to more than {MAX_BYTES:,} bytes; nothing installed"
            )


def _extract_tar(source: Path, target: Path) -> None:
    try:
        with tarfile.open(source) as archive:
            members = archive.getmembers()
            _check_tar(source, members)
            links = []
            for member in members:
                path = target / (_inside(member.name) or ".")
                if member.isdir():
                    path.mkdir(parents=True, exist_ok=True)
                elif member.issym():
                    links.append((path, member.linkname))
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    stream = archive.extractfile(member)
                    if stream is None:  # pragma: no cover - isfile() members always have data
                        continue
                    with stream, path.open("wb") as out:
                        shutil.copyfileobj(stream, out)
                    os.chmod(path, 0o644)
            # Links last, so that no file is ever written through one; then each is resolved for
            # real, since a chain of links can climb out where each alone looks harmless.
            for path, link in links:
                path.parent.mkdir(parents=True, exist_ok=True)
                os.symlink(link, path)
            root = target.resolve()
            for path, link in links:
                name = path.relative_to(target).as_posix()
                try:
                    real = Path(os.path.realpath(path, strict=True))
                except OSError:
                    raise _refuse(
                        source, name, f"symbolic link to {link!r} leads nowhere"
                    ) from None
                if not real.is_relative_to(root):
                    raise _refuse(source, name, f"symbolic link to {link!r} outside the folder")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SetupError(f"{source}: cannot unpack: {detail}") from None


def _extract_zip(source: Path, target: Path) -> None:
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise SetupError(f"{source}: more than {MAX_MEMBERS:,} members; nothing installed")
            total = 0
            for info in infos:
                relative = _inside(info.filename)
                if relative is None:
                    raise _refuse(source, info.filename, "absolute path or path outside the folder")
                kind = (info.external_attr >> 16) & 0o170000
                if kind not in (0, 0o100000, 0o040000):
                    raise _refuse(source, info.filename, "link or special file")
                total += info.file_size
                if total > MAX_BYTES:
                    raise SetupError(
                        f"{source}: unpacks to more than {MAX_BYTES:,} bytes; nothing installed"
                    )
            for info in infos:
                path = target / (_inside(info.filename) or ".")
                if info.is_dir():
                    path.mkdir(parents=True, exist_ok=True)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as stream, path.open("wb") as out:
                    shutil.copyfileobj(stream, out)
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SetupError(f"{source}: cannot unpack: {detail}") from None


def _is_tarfile(source: Path) -> bool:
    """``tarfile.is_tarfile``, with a cut or corrupt compressed stream counted as a tar file
    (so that ``_extract_tar`` names the damage) rather than escaping as ``EOFError``."""
    try:
        return tarfile.is_tarfile(source)
    except (EOFError, OSError, zlib.error):
        return True


def extract(source: Path, target: Path) -> Path:
    """Unpack the zip or tar archive ``source`` into the existing, empty folder ``target``.

    Raises ``SetupError`` (one line naming the archive and the member) for anything unsafe;
    members are all checked before the first is written, links are resolved once made. The
    caller discards ``target`` on error.
    """
    if zipfile.is_zipfile(source):
        _extract_zip(source, target)
    elif _is_tarfile(source):
        _extract_tar(source, target)
    else:
        raise SetupError(f"{source}: not a folder, zip or tar archive")
    return target
