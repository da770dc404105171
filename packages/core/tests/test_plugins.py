"""Plugin discovery, registration rules and the hub, with plugins made in the test."""

import inspect
import types

import pytest

import ember.hub
import ember.plugins
from ember.plugins import EmberPluginWarning, PluginError, hookimpl, hookspecs


def plugin_module(name, **hooks):
    """A module object carrying the given hook implementations."""
    module = types.ModuleType(name)
    for hook_name, function in hooks.items():
        function.__name__ = hook_name
        setattr(module, hook_name, hookimpl(function))
    return module


def adds(**entries):
    def hook(registry):
        for name, obj in entries.items():
            registry.add(name, obj)

    return hook


def model_a():
    """Model A from plugin a."""
    return "a"


def model_b():
    return "b"


# ---- every hook: documented, typed and usable ------------------------------------------


@pytest.mark.parametrize("kind,hook_name", sorted(ember.plugins.KIND_HOOKS.items()))
def test_every_hook_is_documented_typed_and_registers(kind, hook_name, fresh_plugins):
    spec = getattr(hookspecs, hook_name)
    assert spec.__doc__ and ">>>" in spec.__doc__, f"{hook_name} needs a docstring with an example"
    assert list(inspect.signature(spec).parameters) == ["registry"]
    assert "registry" in spec.__annotations__

    ember.plugins.register(plugin_module("p", **{hook_name: adds(thing=model_a)}), name="p")
    assert ember.hub.list(kind) == ["p:thing"]
    assert ember.hub.load("p:thing", kind=kind) == "a"


def test_every_hookspec_has_a_registry_kind():
    specs = {n for n, f in vars(hookspecs).items() if n.startswith("ember_") and callable(f)}
    assert specs == set(ember.plugins.KIND_HOOKS.values())


# ---- the hub -------------------------------------------------------------------------


def test_hub_lists_and_loads_qualified_and_short_names(fresh_plugins):
    ember.plugins.register(plugin_module("a", ember_register_models=adds(net=model_a)), name="a")
    assert ember.hub.list_models() == ["a:net"]
    assert ember.hub.get_model("net") == "a"
    assert ember.hub.get_model("a:net") == "a"
    assert ember.hub.get_model_builder("net") is model_a
    assert ember.hub.help("net") == "Model A from plugin a."
    assert ember.hub.entry("net").summary == "Model A from plugin a."


def test_hub_filters_with_include_and_exclude(fresh_plugins):
    hook = adds(resnet18=model_a, resnet50=model_a, vit_b_16=model_b)
    ember.plugins.register(plugin_module("v", ember_register_models=hook), name="v")
    assert ember.hub.list_models(include="resnet*") == ["v:resnet18", "v:resnet50"]
    assert ember.hub.list_models(exclude=["*50", "vit*"]) == ["v:resnet18"]
    assert ember.hub.list_models(include="v:vit*") == ["v:vit_b_16"]


def test_same_name_from_two_plugins_is_namespaced(fresh_plugins):
    ember.plugins.register(plugin_module("a", ember_register_models=adds(net=model_a)), name="a")
    ember.plugins.register(plugin_module("b", ember_register_models=adds(net=model_b)), name="b")
    assert ember.hub.list_models() == ["a:net", "b:net"]
    assert ember.hub.get_model("a:net") == "a"
    assert ember.hub.get_model("b:net") == "b"
    with pytest.raises(ValueError, match=r"'net' is registered by several plugins.*a:net, b:net"):
        ember.hub.get_model("net")


def test_unknown_names_and_kinds_give_clear_errors(fresh_plugins):
    ember.plugins.register(plugin_module("a", ember_register_models=adds(net=model_a)), name="a")
    with pytest.raises(ValueError, match=r"unknown model 'nope'; registered models: a:net"):
        ember.hub.get_model("nope")
    with pytest.raises(ValueError, match=r"unknown model 'b:net'"):
        ember.hub.get_model("b:net")
    with pytest.raises(ValueError, match=r"unknown kind 'gadgets'"):
        ember.hub.list("gadgets")
    with pytest.raises(TypeError, match=r"must be a str"):
        ember.hub.get_model(3)


def test_unregister_removes_everything_the_plugin_added(fresh_plugins):
    ember.plugins.register(plugin_module("a", ember_register_models=adds(net=model_a)), name="a")
    ember.plugins.unregister("a")
    assert ember.hub.list_models() == []
    with pytest.raises(PluginError, match="no Ember plugin named 'a'"):
        ember.plugins.unregister("a")


# ---- registration rules ----------------------------------------------------------------


def test_same_name_twice_in_one_plugin_is_refused(fresh_plugins):
    def hook(registry):
        registry.add("net", model_a)
        registry.add("net", model_b)

    with pytest.raises(PluginError, match=r"registers the model 'net' twice"):
        ember.plugins.register(plugin_module("a", ember_register_models=hook), name="a")
    assert ember.hub.list_models() == []


def test_registering_a_plugin_name_twice_is_refused(fresh_plugins):
    ember.plugins.register(plugin_module("a"), name="a")
    with pytest.raises(PluginError, match="already registered"):
        ember.plugins.register(plugin_module("a"), name="a")


@pytest.mark.parametrize(
    "name,obj,error,message",
    [
        ("", model_a, ValueError, "non-empty string"),
        ("a:b", model_a, ValueError, "without ':'"),
        (5, model_a, ValueError, "non-empty string"),
        ("net", 42, TypeError, "must be callable"),
    ],
)
def test_bad_registrations_are_refused(fresh_plugins, name, obj, error, message):
    registry = ember.plugins.Registry("models", "p")
    with pytest.raises(error, match=message):
        registry.add(name, obj)


def test_registry_add_works_as_a_decorator():
    registry = ember.plugins.Registry("models", "p")

    @registry.add("decorated")
    def build():
        return 1

    assert [e.qualified_name for e in registry.entries] == ["p:decorated"]
    assert build() == 1


def test_a_hook_that_raises_leaves_no_partial_registration(fresh_plugins):
    def hook(registry):
        registry.add("first", model_a)
        raise RuntimeError("boom")

    module = plugin_module("bad", ember_register_models=hook)
    with pytest.raises(PluginError, match=r"ember_register_models raised RuntimeError: boom"):
        ember.plugins.register(module, name="bad")
    assert ember.hub.list_models() == []
    assert "bad" not in {p.name for p in ember.plugins.plugins()}


def test_unknown_ember_hook_is_refused(fresh_plugins):
    module = plugin_module("typo", ember_register_modles=adds(net=model_a))
    with pytest.raises(PluginError, match=r"unknown hook 'ember_register_modles'"):
        ember.plugins.register(module, name="typo")


def test_hook_with_wrong_argument_is_refused(fresh_plugins):
    def hook(registri):
        pass

    with pytest.raises(PluginError, match="invalid plugin"):
        ember.plugins.register(plugin_module("x", ember_register_models=hook), name="x")


# ---- discovery through entry points ---------------------------------------------------------

GOOD_PLUGIN = """
from ember.plugins import hookimpl

def fake_net():
    return "fake"

@hookimpl
def ember_register_models(registry):
    registry.add("fake_net", fake_net)
"""


def test_entry_point_plugins_are_discovered_on_first_access(install_fake_plugin):
    install_fake_plugin("fake", GOOD_PLUGIN, requires="ember>=0.1")
    assert "fake:fake_net" in ember.hub.list_models()
    info = {p.name: p for p in ember.plugins.plugins()}["fake"]
    assert (info.status, info.distribution, info.version) == ("loaded", "fake-plugin", "1.0")
    assert info.hooks == ["ember_register_models"]
    assert info.registered == {"models": ["fake_net"]}


def test_broken_plugin_is_skipped_with_a_warning_naming_it(install_fake_plugin):
    install_fake_plugin("fake", GOOD_PLUGIN)
    install_fake_plugin("broken", "import no_such_module_anywhere\n", dist="broken-plugin")
    with pytest.warns(EmberPluginWarning, match=r"'broken' \(broken-plugin 1.0\).*ModuleNotFound"):
        models = ember.hub.list_models()
    assert "fake:fake_net" in models
    info = {p.name: p for p in ember.plugins.plugins()}["broken"]
    assert info.status == "failed"
    assert "no_such_module_anywhere" in info.error


def test_plugin_raising_in_a_hook_is_skipped_and_others_load(install_fake_plugin):
    install_fake_plugin("fake", GOOD_PLUGIN)
    raising = """
from ember.plugins import hookimpl

@hookimpl
def ember_register_datasets(registry):
    raise KeyError("missing")
"""
    install_fake_plugin("raising", raising, dist="raising-plugin")
    with pytest.warns(EmberPluginWarning, match=r"'raising'.*ember_register_datasets raised"):
        assert "fake:fake_net" in ember.hub.list_models()
    assert ember.hub.list_datasets() == [n for n in ember.hub.list_datasets() if "raising" not in n]


def test_incompatible_core_version_is_refused(install_fake_plugin):
    install_fake_plugin("old", GOOD_PLUGIN, dist="old-plugin", requires="ember<0.1")
    with pytest.warns(
        EmberPluginWarning,
        match=rf"'old' \(old-plugin 1.0\) was not loaded: it requires ember<0.1 but ember "
        rf"{ember.__version__} is installed",
    ):
        models = ember.hub.list_models()
    assert "old:fake_net" not in models
    info = {p.name: p for p in ember.plugins.plugins()}["old"]
    assert info.status == "incompatible"


def test_requirements_behind_extras_do_not_count(install_fake_plugin):
    install_fake_plugin("extra", GOOD_PLUGIN, requires='ember<0.1; extra == "legacy"')
    assert "extra:fake_net" in ember.hub.list_models()


@pytest.mark.parametrize("blocklist", ["fake", "other, fake", "fake-plugin", "*", "all"])
def test_disable_plugins_environment_variable(install_fake_plugin, monkeypatch, blocklist):
    install_fake_plugin("fake", GOOD_PLUGIN)
    monkeypatch.setenv("EMBER_DISABLE_PLUGINS", blocklist)
    assert "fake:fake_net" not in ember.hub.list_models()
    assert {p.name: p for p in ember.plugins.plugins()}["fake"].status == "disabled"


def test_two_distributions_claiming_one_plugin_name(install_fake_plugin):
    install_fake_plugin("fake", GOOD_PLUGIN, dist="first-plugin")
    install_fake_plugin("fake", GOOD_PLUGIN, dist="second-plugin")
    with pytest.warns(EmberPluginWarning, match=r"plugin name 'fake' is already used by"):
        assert ember.hub.list_models().count("fake:fake_net") == 1
