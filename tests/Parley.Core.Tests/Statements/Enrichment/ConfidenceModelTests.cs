using System.Security.Cryptography;
using Parley.Documents;
using Parley.Pipeline;
using Parley.Statements.Enrichment;
using Parley.Statements.Tagging;

namespace Parley.Tests.Statements.Enrichment;

public sealed class ConfidenceModelTests
{
    /// <summary>Synthetic statements: the first feature (cue evidence) decides how often the cue is right.</summary>
    private static (List<double[]> X, List<bool> Y) Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        var xs = new List<double[]>();
        var ys = new List<bool>();
        for (int i = 0; i < count; i++)
        {
            var x = new double[ConfidenceModel.FeatureNames.Length];
            x[0] = random.NextDouble() * 4;            // evidence
            x[7] = random.NextDouble() * 3;            // noise the model should not lean on
            x[10 + random.Next(5)] = 1;                // a kind
            double p = 1 / (1 + Math.Exp(-(2 * x[0] - 3)));
            xs.Add(x);
            ys.Add(random.NextDouble() < p);
        }
        return (xs, ys);
    }

    [Fact]
    public void Fit_learns_the_evidence_and_is_calibrated_out_of_sample()
    {
        var (x, y) = Synthetic(3000, 1);
        var model = ConfidenceModel.Fit(x, y, "md5");
        int evidence = 0, noise = 7;
        Assert.True(model.Weights[evidence] > 1, $"evidence weight {model.Weights[evidence]}");
        Assert.True(Math.Abs(model.Weights[noise]) < 0.2, $"noise weight {model.Weights[noise]}");

        var (tx, ty) = Synthetic(3000, 2);
        var probabilities = tx.Select(v => model.Probability(v)).ToList();
        Assert.InRange(probabilities.Average() - ty.Average(b => b ? 1.0 : 0.0), -0.03, 0.03);
        var low = Enumerable.Range(0, tx.Count).Where(i => probabilities[i] < 0.3).ToList();
        var high = Enumerable.Range(0, tx.Count).Where(i => probabilities[i] > 0.7).ToList();
        Assert.True(low.Average(i => ty[i] ? 1.0 : 0.0) < 0.3);
        Assert.True(high.Average(i => ty[i] ? 1.0 : 0.0) > 0.7);
    }

    [Fact]
    public void Saves_and_loads_the_same_model()
    {
        var (x, y) = Synthetic(500, 3);
        var model = ConfidenceModel.Fit(x, y, "abc123");
        string path = Path.Combine(Path.GetTempPath(), $"confidence-{Guid.NewGuid():N}.json");
        try
        {
            model.Save(path, "test");
            var loaded = ConfidenceModel.Load(path);
            Assert.Equal("abc123", loaded.StatementModelMd5);
            foreach (var v in x.Take(50)) Assert.Equal(model.Probability(v), loaded.Probability(v), 12);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"statementModelMd5\":\"x\",\"features\":[\"other\"],\"bias\":0,\"weights\":[1],\"mean\":[0],\"scale\":[1]}")]
    public void Load_rejects_what_is_not_a_confidence_model(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"confidence-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, content);
            Assert.Throws<InvalidDataException>(() => ConfidenceModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_confidence_model_was_fitted_with_the_shipped_statement_model()
    {
        var model = ConfidenceModel.Default;
        Assert.NotNull(model);
        string md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(StatementTagger.DefaultPath)));
        Assert.True(md5 == model.StatementModelMd5, "models/statements.confidence.json belongs to another statement model: refit it with parley train confidence");
    }

    [Fact]
    public void A_plain_attribution_is_confident_and_a_tagger_cue_carries_evidence()
    {
        var document = ParleyPipeline.Default.Process("“We will not raise taxes this year,” Finance Minister Laura Chen said on Tuesday.", new DocumentMetadata { Id = "confidence" });
        var statement = Assert.Single(document.Statements);
        Assert.True(statement.Confidence >= 0.8, $"confidence {statement.Confidence}");
        var evidence = document.Get(StatementLayers.Evidence);
        Assert.Equal(document.Tokens.Length, evidence.Length);
        int said = document.Tokens.IndexOf(document.Tokens.First(t => document.TextOf(t.Span) == "said"));
        int taxes = document.Tokens.IndexOf(document.Tokens.First(t => document.TextOf(t.Span) == "taxes"));
        Assert.True(evidence[said].Cue > 0);
        Assert.True(evidence[taxes].Cue < 0);
    }

    [Fact]
    public void Features_without_tagger_evidence_mark_the_cue_untagged()
    {
        var document = ParleyPipeline.Default.Process("Anna Berg said the port would reopen on Friday.", new DocumentMetadata { Id = "confidence" });
        var statement = Assert.Single(document.Statements);
        var without = ConfidenceModel.Features(document, statement, []);
        var with = ConfidenceModel.Features(document, statement, document.Get(StatementLayers.Evidence));
        int untagged = ConfidenceModel.FeatureNames.IndexOf("cue untagged");
        Assert.Equal(1, without[untagged]);
        Assert.Equal(0, with[untagged]);
        Assert.Equal(1, with[ConfidenceModel.FeatureNames.IndexOf("has source")]);
    }

    [Fact]
    public void ChooseMinimum_trades_wrong_statements_for_f1()
    {
        // 10 gold attributions; 8 sure and right, 4 unsure and wrong, 2 unsure and right.
        var outcomes = Enumerable.Repeat((0.9, true), 8).Concat(Enumerable.Repeat((0.2, false), 4)).Concat(Enumerable.Repeat((0.3, true), 2)).ToList();
        // Keeping all: 2·10 / (14 + 10) = 0.83; from 0.25: 2·10 / (10 + 10) = 1; from 0.35: 2·8 / (8 + 10) = 0.89.
        Assert.Equal(0.25, ConfidenceModel.ChooseMinimum(outcomes, 10), 9);
        Assert.Equal(0, ConfidenceModel.ChooseMinimum([(0.5, true)], 1));
    }

    [Fact]
    public void The_stage_drops_statements_below_the_minimum_and_renumbers_the_rest()
    {
        const string text = "The minister said the bridge would reopen. Critics fear the repairs will fail. “It is safe,” the engineer said.";
        var all = ParleyPipeline.Default.Process(text, new DocumentMetadata { Id = "all" });
        Assert.True(all.Statements.Length >= 2);
        double cut = all.Statements.Select(s => s.Confidence).Order().Skip(1).First(); // drops the least confident one (or more on a tie)
        var model = ConfidenceModel.Default!.WithMinimum(cut);
        var pipeline = ParleyPipeline.CreateDefaultBuilder().Replace("statement-confidence", new StatementConfidenceStage(model)).Build();
        var kept = pipeline.Process(text, new DocumentMetadata { Id = "kept" });
        Assert.Equal(all.Statements.Count(s => s.Confidence >= cut), kept.Statements.Length);
        Assert.True(kept.Statements.Length < all.Statements.Length);
        Assert.All(kept.Statements, s => Assert.True(s.Confidence >= cut));
        Assert.Equal(Enumerable.Range(1, kept.Statements.Length).Select(i => $"s{i}"), kept.Statements.Select(s => s.Id));
    }
}
