"""Train the neural word tagger whose guesses the CRF reads (``reader.nlp.entities.neural``).

Run by ``train_ner.py all`` between the ``priors`` and ``crf`` steps, or alone::

    PYTHONHASHSEED=0 python training/train_neural.py

Needs the word vectors from the ``clusters`` step (``training/build/vectors.kv``) and the
gazetteer. Two things come out:

* ``src/reader/nlp/entities/data/neural.npz``: the network trained on the whole ANERcorp train
  split, with an int8 copy of the word vectors (the network is trained on exactly those rounded
  vectors, so NumPy at run time computes what PyTorch did here);
* ``training/build/neural-oof.npz``: *out-of-fold* label probabilities for every train sentence
  (5 contiguous blocks; each block tagged by a network trained on the other four), which the CRF
  trains on, so that it learns how far to trust the network on words it has not seen.

The network: word2vec vectors (frozen) of the folded word and of its stem, a character
convolution (24-d letters, 64 filters of width 3, max over the word), gazetteer and script
flags, one bidirectional LSTM (128 a side), a linear layer to the 9 BIO labels; cross-entropy,
Adam (lr 0.002), batches of 32 sentences, dropout 0.5, 30 epochs. Sentences are packed, so no
padding reaches a real word. Seeds are fixed and PyTorch runs on one thread, so a rebuild on the
same versions gives the same weights. Takes about 20 minutes on one core.

Measured: the out-of-fold networks, pooled, micro-F1 0.694 on the train split (the CRF's own
4-fold figure is 0.723); the shipped network alone 0.681 on the test split; NumPy and PyTorch
agree to 1e-6 in probability. The CRF reading the network's guesses: development split 0.680
-> 0.693, test 0.696 -> 0.713 (0.736 with the name memory).

Tried and not kept: 15 epochs (development split micro-F1 0.63 against 0.66 at 30-40); 64 units
a side (``--hidden 64``): extraction only ~2% faster, because the time goes to the CRF and to
NumPy's per-step calls more than to the LSTM's arithmetic.
"""

from __future__ import annotations

import argparse
import gzip
import io
import logging
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from reader.nlp.entities.evaluate import read_conll  # noqa: E402
from reader.nlp.entities.neural import MAX_LETTERS, NeuralTagger  # noqa: E402
from reader.nlp.entities.tagger import GAZETTEER_FILE, LABELS, NEURAL_FILE, read_gazetteer  # noqa: E402

TRAIN = REPO / ".." / "shared" / "data" / "ner" / "anercorp" / "derived"
TRAIN = TRAIN / "ANERCorp_CamelRules_train.txt"
DATA = REPO / "src" / "reader" / "nlp" / "entities" / "data"
BUILD = REPO / "training" / "build"
OOF_FILE = "neural-oof.npz"
SEED = 1234
FOLDS = 5
EPOCHS = 30
HIDDEN = 128
LETTER_DIM = 24
FILTERS = 64

log = logging.getLogger("train_neural")

Sentence = tuple[list[str], list[str]]


def build_lexicon(build: Path, data: Path) -> dict[str, np.ndarray]:
    """Word list, int8 vectors, letters and flag names: everything but the network's weights.

    The vectors are word2vec's, normalised to length 1, then rounded to int8 with one scale per
    word (a quarter of float32's size; the network is trained on the rounded values).
    """
    from gensim.models import KeyedVectors

    kv = KeyedVectors.load(str(build / "vectors.kv"))
    words = [w for w in kv.index_to_key]
    vectors = kv.vectors / np.linalg.norm(kv.vectors, axis=1, keepdims=True)
    vectors = np.vstack([np.zeros((1, vectors.shape[1])), vectors])  # row 0: unknown word
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(vectors / scale[:, None]).astype(np.int8)
    counts: dict[str, int] = {}
    for word in words:
        for ch in word:
            counts[ch] = counts.get(ch, 0) + 1
    letters = sorted(ch for ch, n in counts.items() if n >= 20 and ch != "\n")
    with gzip.open(data / GAZETTEER_FILE, "rt", encoding="utf-8") as handle:
        gazetteer = read_gazetteer(handle)
    kinds = sorted({kind for found in gazetteer.values() for kind in found})
    flags = [f"g:{k}" for k in kinds] + [f"sg:{k}" for k in kinds]
    flags += ["oov", "soov", "procl", "digit", "latin", "punct", "upper"]

    def joined(items: list[str]) -> np.ndarray:
        return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)

    if any("\n" in w for w in words):
        raise SystemExit("a word vector key holds a newline")
    return {
        "labels": joined(list(LABELS_ORDER)),
        "words": joined(words),
        "vectors": quantised,
        "vector_scale": scale.astype(np.float32),
        "chars": joined(letters),
        "flags": joined(flags),
    }


# The network's label order: O first (the CRF's LABELS tuple has it last).
LABELS_ORDER = ("O", *[label for label in LABELS if label != "O"])


class Network(nn.Module):
    """The BiLSTM tagger, laid out exactly as ``reader.nlp.entities.neural.NeuralTagger`` reads
    it."""

    def __init__(self, vectors: torch.Tensor, letters: int, flags: int) -> None:
        super().__init__()
        self.vectors = nn.Embedding.from_pretrained(vectors, freeze=True)
        self.char_emb = nn.Embedding(letters + 2, LETTER_DIM, padding_idx=0)
        self.conv = nn.Conv1d(LETTER_DIM, FILTERS, 3, padding=1)
        size = 2 * vectors.shape[1] + FILTERS + flags
        self.drop = nn.Dropout(0.5)
        self.lstm = nn.LSTM(size, HIDDEN, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, len(LABELS_ORDER))

    def forward(
        self,
        words: torch.Tensor,
        stems: torch.Tensor,
        flags: torch.Tensor,
        letters: torch.Tensor,
        letter_counts: torch.Tensor,
        lengths: torch.Tensor,
    ) -> torch.Tensor:
        batch, steps = words.shape
        emb = self.char_emb(letters.view(batch * steps, -1)).transpose(1, 2)
        conv = torch.relu(self.conv(emb))  # (B*T, F, L)
        positions = torch.arange(conv.shape[2]).unsqueeze(0)
        mask = positions < letter_counts.view(-1, 1)  # only a word's own letters
        conv = conv.masked_fill(~mask.unsqueeze(1), float("-inf")).max(dim=2).values
        conv = conv.view(batch, steps, -1)
        inputs = torch.cat([self.vectors(words), self.vectors(stems), conv, flags], dim=2)
        packed = pack_padded_sequence(
            self.drop(inputs), lengths, batch_first=True, enforce_sorted=False
        )
        hidden, _ = self.lstm(packed)
        hidden, _ = pad_packed_sequence(hidden, batch_first=True, total_length=steps)
        result: torch.Tensor = self.out(self.drop(hidden))
        return result


class Encoder:
    """Turns sentences into the network's input tensors, with the runtime's own word code."""

    def __init__(self, runtime: NeuralTagger) -> None:
        self.runtime = runtime

    def encode(self, sentences: list[list[str]]) -> tuple[torch.Tensor, ...]:
        """Padded tensors for a batch: word ids, stem ids, flags, letters, counts, lengths."""
        rt = self.runtime
        batch, steps = len(sentences), max(len(s) for s in sentences)
        words = torch.zeros(batch, steps, dtype=torch.long)
        stems = torch.zeros(batch, steps, dtype=torch.long)
        flags = torch.zeros(batch, steps, len(rt.flag_names))
        letters = torch.zeros(batch, steps, MAX_LETTERS, dtype=torch.long)
        counts = torch.ones(batch, steps, dtype=torch.long)
        for r, sentence in enumerate(sentences):
            for t, word in enumerate(sentence):
                wid, sid, flag_ids, letter_ids = rt.encode(word)
                words[r, t], stems[r, t] = wid, sid
                for k in flag_ids:
                    flags[r, t, k] = 1.0
                letters[r, t, : len(letter_ids)] = torch.tensor(letter_ids)
                counts[r, t] = len(letter_ids)
        lengths = torch.tensor([len(s) for s in sentences])
        return words, stems, flags, letters, counts, lengths


def train_network(encoder: Encoder, vectors: torch.Tensor, data: list[Sentence]) -> Network:
    """Train one network on ``data`` (fixed seeds)."""
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    rt = encoder.runtime
    net = Network(vectors, len(rt.letter_index), len(rt.flag_names))
    optimiser = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=2e-3)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = []
    for start in range(0, len(order), 32):
        chosen = order[start : start + 32]
        inputs = encoder.encode([data[i][0] for i in chosen])
        gold = torch.full(inputs[0].shape, -1, dtype=torch.long)
        for r, i in enumerate(chosen):
            gold[r, : len(data[i][1])] = torch.tensor(
                [LABELS_ORDER.index(label) for label in data[i][1]]
            )
        batches.append((inputs, gold))
    for epoch in range(EPOCHS):
        net.train()
        rng.shuffle(batches)
        total, started = 0.0, time.time()
        for inputs, gold in batches:
            optimiser.zero_grad()
            logits = net(*inputs)
            loss = loss_fn(logits.reshape(-1, len(LABELS_ORDER)), gold.reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += float(loss.detach())
        log.info("epoch %d: loss %.4f (%.0f s)", epoch, total / len(batches), time.time() - started)
    net.eval()
    return net


def predict(encoder: Encoder, net: Network, sentences: list[list[str]]) -> list[np.ndarray]:
    """Label probabilities (network order) for each sentence."""
    out: list[np.ndarray] = []
    with torch.no_grad():
        for start in range(0, len(sentences), 64):
            chunk = sentences[start : start + 64]
            probs = torch.softmax(net(*encoder.encode(chunk)), dim=2).numpy()
            out.extend(probs[r, : len(s)] for r, s in enumerate(chunk))
    return out


def export(net: Network, lexicon: dict[str, np.ndarray]) -> bytes:
    """The weights file: the lexicon plus the network's tensors, named as the runtime reads."""
    state = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays = dict(lexicon)
    arrays["char_emb"] = state["char_emb.weight"]
    arrays["conv_w"] = state["conv.weight"]
    arrays["conv_b"] = state["conv.bias"]
    for direction, suffix in (("f", ""), ("b", "_reverse")):
        arrays[f"w_ih_{direction}"] = state[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"w_hh_{direction}"] = state[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"b_{direction}"] = (
            state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"]
        )
    arrays["out_w"] = state["out.weight"]
    arrays["out_b"] = state["out.bias"]
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def main() -> int:
    """Parse the folders and train."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="tables in, weights out")
    parser.add_argument("--build", type=Path, default=BUILD, help="vectors in, OOF file out")
    parser.add_argument("--hidden", type=int, default=HIDDEN, help="LSTM units a side")
    args = parser.parse_args()
    globals()["HIDDEN"] = args.hidden
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    train(args.data, args.build)
    return 0


def train(data: Path, build: Path) -> None:
    """Train the out-of-fold networks, then the shipped one; check NumPy agrees with PyTorch."""
    torch.set_num_threads(1)
    lexicon = build_lexicon(build, data)
    with gzip.open(data / GAZETTEER_FILE, "rt", encoding="utf-8") as handle:
        gazetteer = read_gazetteer(handle)
    # A runtime tagger over the lexicon alone gives the word encoding training must share.
    runtime = NeuralTagger.from_npz(export_lexicon_only(lexicon), gazetteer)
    encoder = Encoder(runtime)
    vectors = torch.from_numpy(runtime.scaled_vectors())
    sentences = read_conll(TRAIN)
    n = len(sentences)
    bounds = [n * f // FOLDS for f in range(FOLDS + 1)]
    oof: list[np.ndarray] = []
    for fold in range(FOLDS):
        held = sentences[bounds[fold] : bounds[fold + 1]]
        rest = sentences[: bounds[fold]] + sentences[bounds[fold + 1] :]
        log.info("fold %d: %d sentences held out", fold, len(held))
        net = train_network(encoder, vectors, rest)
        oof.extend(predict(encoder, net, [w for w, _ in held]))
    build.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        build / OOF_FILE,
        probabilities=np.concatenate(oof),
        lengths=np.array([len(p) for p in oof]),
    )
    log.info("wrote %s", build / OOF_FILE)
    net = train_network(encoder, vectors, sentences)
    weights = export(net, lexicon)
    (data / NEURAL_FILE).write_bytes(weights)
    log.info("wrote %s (%d bytes)", data / NEURAL_FILE, len(weights))
    check = NeuralTagger.from_npz(weights, gazetteer)
    sample = [w for w, _ in sentences[:200]]
    ours = check.probabilities(sample)
    theirs = predict(encoder, net, sample)
    gap = max(float(np.abs(a - b).max()) for a, b in zip(ours, theirs, strict=True))
    log.info("NumPy vs PyTorch: largest probability difference %.2e", gap)
    if gap > 1e-4:
        raise SystemExit("the NumPy runtime does not compute what PyTorch trained")


def export_lexicon_only(lexicon: dict[str, np.ndarray]) -> bytes:
    """A weights file with the lexicon and placeholder layers (for encoding words only)."""
    arrays = dict(lexicon)
    zeros = {
        "char_emb": (1, 1),
        "conv_w": (1, 1, 1),
        "conv_b": (1,),
        "out_w": (1, 2),
        "out_b": (1,),
    }
    for direction in "fb":  # an LSTM with one unit reading one number
        zeros |= {f"w_ih_{direction}": (4, 1), f"w_hh_{direction}": (4, 1), f"b_{direction}": (4,)}
    for name, shape in zeros.items():
        arrays[name] = np.zeros(shape, dtype=np.float32)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


if __name__ == "__main__":
    sys.exit(main())
