"""The type hints (``brief/__init__.pyi``, ``brief/_brief.pyi``) cover
every public name of their module, and each hinted function takes the
parameters the function takes (names, order, kinds, which have defaults),
so that the hints cannot drift from the code again (the package's
``translate`` had none, ``merge``'s and ``summarize``'s were stale)."""

import ast
import inspect
import pathlib

import pytest

import brief
from brief import _brief

STUBS = pathlib.Path(brief.__file__).parent


def _stub(name):
    return ast.parse((STUBS / name).read_text(encoding="utf-8"))


def _defined(tree):
    """The names a stub defines: functions, classes, annotated or assigned
    names, and names imported ``as`` themselves (re-exports)."""
    names = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.asname == alias.name:
                    names[alias.name] = node
    return names


_KINDS = {
    "posonly": inspect.Parameter.POSITIONAL_ONLY,
    "args": inspect.Parameter.POSITIONAL_OR_KEYWORD,
    "kwonly": inspect.Parameter.KEYWORD_ONLY,
}


def _stub_parameters(node):
    """(name, kind, has a default) of each parameter of a stub's ``def``."""
    a = node.args
    out = []
    positional = a.posonlyargs + a.args
    defaults = [False] * (len(positional) - len(a.defaults)) + [True] * len(a.defaults)
    for i, (arg, default) in enumerate(zip(positional, defaults)):
        kind = _KINDS["posonly"] if i < len(a.posonlyargs) else _KINDS["args"]
        out.append((arg.arg, kind, default))
    if a.vararg:
        out.append((a.vararg.arg, inspect.Parameter.VAR_POSITIONAL, False))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, _KINDS["kwonly"], default is not None))
    if a.kwarg:
        out.append((a.kwarg.arg, inspect.Parameter.VAR_KEYWORD, False))
    return out


def _parameters(function):
    """(name, kind, has a default) of each parameter the function takes."""
    return [
        (p.name, p.kind, p.default is not inspect.Parameter.empty)
        for p in inspect.signature(function).parameters.values()
    ]


def _public(module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return sorted(set(names) | {"__version__"})


MODULES = [(brief, "__init__.pyi"), (_brief, "_brief.pyi")]


@pytest.mark.parametrize("module, stub", MODULES, ids=["brief", "brief._brief"])
def test_every_public_name_has_a_hint(module, stub):
    defined = _defined(_stub(stub))
    missing = [n for n in _public(module) if n not in defined]
    assert not missing, f"{stub} lacks hints for {missing}"


@pytest.mark.parametrize("module, stub", MODULES, ids=["brief", "brief._brief"])
def test_every_hinted_function_takes_the_functions_parameters(module, stub):
    defined = _defined(_stub(stub))
    checked = 0
    for name in _public(module):
        value = getattr(module, name)
        if not (inspect.isfunction(value) or inspect.isbuiltin(value)):
            continue
        node = defined.get(name)
        assert isinstance(node, ast.FunctionDef), f"{stub}: {name} is a function, hinted as {type(node).__name__}"
        assert _stub_parameters(node) == _parameters(value), f"{stub}: {name}'s parameters differ"
        checked += 1
    assert checked >= 10, checked


@pytest.mark.parametrize("module, stub", MODULES, ids=["brief", "brief._brief"])
def test_every_public_class_member_has_a_hint(module, stub):
    defined = _defined(_stub(stub))
    for name in _public(module):
        value = getattr(module, name)
        node = defined.get(name)
        if not inspect.isclass(value) or not isinstance(node, ast.ClassDef):
            continue
        members = _defined(node)
        own = [m for m in vars(value) if not m.startswith("_")]
        missing = [m for m in own if m not in members]
        assert not missing, f"{stub}: {name} lacks hints for {missing}"
        for m in own:
            function = inspect.getattr_static(value, m)
            if isinstance(function, (staticmethod, classmethod)):
                function = getattr(value, m)
            elif not inspect.isfunction(function):
                continue
            assert _stub_parameters(members[m]) == _parameters(function), f"{stub}: {name}.{m}'s parameters differ"


def test_the_check_sees_a_missing_hint_and_a_changed_parameter():
    """The checks above can fail: a stub without ``translate`` and one
    whose ``merge`` lacks ``strict`` are both caught."""
    tree = _stub("__init__.pyi")
    tree.body = [n for n in tree.body if getattr(n, "name", None) != "translate"]
    assert "translate" not in _defined(tree) and "translate" in brief.__all__
    merge = _defined(_stub("__init__.pyi"))["merge"]
    merge.args.kwonlyargs = [a for a in merge.args.kwonlyargs if a.arg != "strict"]
    merge.args.kw_defaults = merge.args.kw_defaults[: len(merge.args.kwonlyargs)]
    assert _stub_parameters(merge) != _parameters(brief.merge)
